package dev.camundahil.expiry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts many process instances quickly: from two threads, a hundred per transaction.
 */
final class ManyInstances {

	private static final int PER_TRANSACTION = 100;

	private ManyInstances() {
	}

	static void start(RuntimeService runtime, PlatformTransactionManager transactionManager, String key, int count)
			throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> done = new ArrayList<>();
		for (int started = 0; started < count; started += PER_TRANSACTION) {
			int batch = Math.min(PER_TRANSACTION, count - started);
			done.add(pool.submit(() -> transaction.executeWithoutResult((status) -> {
				for (int i = 0; i < batch; i++) {
					runtime.startProcessInstanceByKey(key);
				}
			})));
		}
		try {
			for (Future<?> future : done) {
				future.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
