package dev.camundahil.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A small, bounded pool that delivers outbox rows right after the transaction that wrote them commits. The
 * committing thread only hands the row ids over. Rows that find the queue full stay in the table, and the workers
 * read them back from there as soon as they have worked their queue off, so a burst of actions is sent as fast as
 * the workers go, not at the pace of the sweep; rows left when the application stops are the next sweep's.
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

	private final ChannelRouter router;

	private final Duration lease;

	private final int queueCapacity;

	private final ThreadPoolExecutor pool;

	/** Whether rows found the queue full since the workers last read such rows back. */
	private final AtomicBoolean rowsLeftInTable = new AtomicBoolean();

	DispatchWorkers(DispatchRows rows, DispatchDelivery delivery, ChannelRouter router, Duration lease, int workers,
			int queueCapacity) {
		this.rows = rows;
		this.delivery = delivery;
		this.router = router;
		this.lease = lease;
		this.queueCapacity = queueCapacity;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("hil-dispatch-");
		threads.setDaemon(true);
		this.pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(queueCapacity), threads);
		this.pool.allowCoreThreadTimeOut(true);
	}

	/** Queues rows for delivery; never waits. */
	void deliverSoon(Collection<UUID> ids) {
		for (UUID id : ids) {
			try {
				this.pool.execute(() -> claimAndDeliver(id));
			}
			catch (RejectedExecutionException ex) {
				if (!this.pool.isShutdown()) {
					this.rowsLeftInTable.set(true);
				}
				log.debug("Dispatch workers busy; dispatch {} waits in the table until they have room", id);
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
		finally {
			readBackWhenIdle();
		}
	}

	/**
	 * Once the queue is empty, takes back from the table the rows that found it full, as many as the queue holds.
	 * Only untried rows are read, so a retry keeps its schedule; rows another node wrote may come along, and then
	 * the claim lets one node send each.
	 */
	private void readBackWhenIdle() {
		if (!this.pool.getQueue().isEmpty() || !this.rowsLeftInTable.compareAndSet(true, false)) {
			return;
		}
		try {
			List<UUID> waiting = this.rows.untriedRequests(this.router.channelNames(), Instant.now().plus(HANDOVER),
					this.queueCapacity);
			if (waiting.size() == this.queueCapacity) {
				this.rowsLeftInTable.set(true); // more may wait: read again when these are done
			}
			log.debug("Dispatch workers read {} waiting dispatch(es) back from the table", waiting.size());
			deliverSoon(waiting);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read waiting dispatches back; the next sweep delivers them: {}", ex.getMessage());
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
