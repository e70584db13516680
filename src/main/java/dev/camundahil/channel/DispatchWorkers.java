package dev.camundahil.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A small, bounded pool that delivers outbox rows right after the transaction that wrote them commits. The
 * committing thread only hands the row ids over; when the queue is full, or the application stops, the rows stay
 * pending and the next sweep delivers them.
 */
final class DispatchWorkers implements DisposableBean {

	/**
	 * How long a freshly written row belongs to the node that wrote it. Its workers send it right after commit;
	 * only rows left longer than this (a crash before sending, a full queue) are due for any node's sweep, so a
	 * sweep never races the workers for a row that is about to be sent anyway.
	 */
	static final Duration HANDOVER = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);

	private final DispatchRows rows;

	private final DispatchDelivery delivery;

	private final Duration lease;

	private final ThreadPoolExecutor pool;

	DispatchWorkers(DispatchRows rows, DispatchDelivery delivery, Duration lease, int workers, int queueCapacity) {
		this.rows = rows;
		this.delivery = delivery;
		this.lease = lease;
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(queueCapacity), (task) -> {
					Thread thread = new Thread(task, "hil-dispatch-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.pool.allowCoreThreadTimeOut(true);
	}

	/** Queues rows for delivery; never waits. */
	void deliverSoon(Collection<UUID> ids) {
		for (UUID id : ids) {
			try {
				this.pool.execute(() -> claimAndDeliver(id));
			}
			catch (RejectedExecutionException ex) {
				log.debug("Dispatch workers busy; dispatch {} is left to the next sweep", id);
			}
		}
	}

	private void claimAndDeliver(UUID id) {
		try {
			Instant now = Instant.now();
			// the row is due only after the handover; a sweep that took it anyway (this node was slow) wins
			this.rows.claim(id, now.plus(HANDOVER), now.plus(this.lease)).ifPresent(this.delivery::deliver);
		}
		catch (RuntimeException ex) {
			log.warn("Could not claim dispatch {}; the next sweep delivers it: {}", id, ex.getMessage());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.pool.shutdown();
		if (!this.pool.awaitTermination(10, TimeUnit.SECONDS)) {
			log.warn("Dispatch workers still busy at shutdown; their rows are delivered again after their lease");
			this.pool.shutdownNow();
		}
	}

}
