package dev.camundahil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import dev.camundahil.schedule.RecurringWork;

import org.springframework.context.ApplicationContext;

/**
 * Drives a recurring work's sweeps by hand, as its Quartz job does when there is a backlog, without waiting for the
 * job's interval.
 */
final class Sweeps {

	private Sweeps() {
	}

	static RecurringWork named(ApplicationContext app, String name) {
		return app.getBeansOfType(RecurringWork.class)
			.values()
			.stream()
			.filter((work) -> work.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no recurring work named " + name));
	}

	/** Sweeps from {@code threads} threads until a sweep finds nothing and {@code done} says so; returns the seconds it took. */
	static double until(RecurringWork work, int threads, BooleanSupplier done) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		try {
			List<Future<?>> sweepers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				sweepers.add(pool.submit(() -> {
					while (true) {
						if (work.sweep() > 0) {
							continue;
						}
						if (done.getAsBoolean()) {
							break;
						}
						// nothing due right now: what was claimed is still under way
						Thread.sleep(10);
					}
					return null;
				}));
			}
			for (Future<?> sweeper : sweepers) {
				sweeper.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
