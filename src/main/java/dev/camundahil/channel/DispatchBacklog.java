package dev.camundahil.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.camundahil.action.ActionService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dispatch outbox as operators see it: how much is due and since when, the rows of a status or an action, and
 * "retry now" for a row that failed. A retried row gets one more attempt from the dispatch workers, after commit;
 * failing again, it is failed again.
 */
public final class DispatchBacklog {

	/** The statuses a dispatch row can have. */
	public static final Set<String> STATUSES = Set.of("pending", "delivered", "failed", "skipped");

	private static final Logger log = LoggerFactory.getLogger(DispatchBacklog.class);

	private final DispatchRows rows;

	private final DispatchWorkers workers;

	private final ActionService actions;

	DispatchBacklog(DispatchRows rows, DispatchWorkers workers, ActionService actions) {
		this.rows = rows;
		this.workers = workers;
		this.actions = actions;
	}

	/** Rows due now and not yet delivered, the oldest due time among them, and the failed rows. */
	public Backlog backlog(Instant now) {
		return this.rows.backlog(now);
	}

	/**
	 * Rows newest first, of one status and of one action where those are given.
	 * @param status one of {@link #STATUSES}, or null for all
	 * @param actionId an action, or null for all
	 */
	public List<DispatchView> list(String status, UUID actionId, int page, int size) {
		return this.rows.list(status, actionId, page, size);
	}

	public Optional<DispatchView> find(UUID id) {
		return this.rows.find(id);
	}

	/**
	 * Tries a failed row again at once.
	 * @return the outcome: {@link Retry#RETRYING}, or why not
	 */
	public Retry retry(UUID id, Instant now) {
		Optional<DispatchView> row = this.rows.find(id);
		if (row.isEmpty()) {
			return Retry.NOT_FOUND;
		}
		if (!"failed".equals(row.get().status())) {
			return Retry.NOT_FAILED;
		}
		if (this.actions.findPending(row.get().actionId()).isEmpty()) {
			return Retry.ACTION_CLOSED;
		}
		if (!this.rows.retryFailed(id, now)) {
			return Retry.NOT_FAILED;
		}
		log.info("Dispatch {} of action {} is tried again on request", id, row.get().actionId());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					DispatchBacklog.this.workers.deliverSoon(List.of(id));
				}
			});
		}
		else {
			this.workers.deliverSoon(List.of(id));
		}
		return Retry.RETRYING;
	}

	/**
	 * The outbox's backlog.
	 *
	 * @param due rows due now and still to deliver
	 * @param oldestDue the due time of the oldest of them; null when none is due
	 * @param failed rows that failed for good
	 */
	public record Backlog(long due, Instant oldestDue, long failed) {
	}

	/** What a request to retry a row came to. */
	public enum Retry {

		RETRYING, NOT_FOUND, NOT_FAILED, ACTION_CLOSED

	}

}
