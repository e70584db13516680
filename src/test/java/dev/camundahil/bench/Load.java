package dev.camundahil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an operation a fixed number of times from a fixed number of threads and measures each call.
 */
final class Load {

	@FunctionalInterface
	interface Operation {

		void run(int index) throws Exception;

	}

	private Load() {
	}

	static Measurement run(int operations, int concurrency, Operation operation) throws Exception {
		Measurement measurement = new Measurement(operations);
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < concurrency; t++) {
			workers.add(pool.submit(() -> {
				int index;
				while ((index = next.getAndIncrement()) < operations) {
					long begin = System.nanoTime();
					operation.run(index);
					measurement.record(System.nanoTime() - begin);
				}
				return null;
			}));
		}
		try {
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		measurement.wall(System.nanoTime() - start);
		return measurement;
	}

}
