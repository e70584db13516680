package dev.camundahil.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.FailureMessage;
import dev.camundahil.schedule.RecurringWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires pending actions whose deadline has passed, through {@link ActionService#expire}, so that each gets its
 * audit entry and {@code action.expired} event and its process instance resumes.
 * <p>
 * A sweep claims one batch and expires it in one transaction: the actions with one round trip per kind of row,
 * their process instances resumed together (the engine writes them in one flush). When one of the batch cannot be
 * expired (its process instance fails while resuming, say), that transaction is rolled back and the batch is done
 * again one action per transaction: the others expire, and the failing one gets an {@code expiry_failed} audit
 * entry, written in a transaction of its own. Sweeps leave it out for {@code hil.expiry.retry-delay} and then try
 * again, so an action that keeps failing costs one extra batch per retry delay and never holds up the ones behind it.
 */
class ExpiredActionSweeper implements RecurringWork {

	static final String NAME = "expiry";

	private static final Logger log = LoggerFactory.getLogger(ExpiredActionSweeper.class);

	private final ActionService actions;

	private final TransactionTemplate transaction;

	private final Consumer<Runnable> together;

	private final ExpiryProperties settings;

	ExpiredActionSweeper(ActionService actions, TransactionTemplate transaction, Consumer<Runnable> together,
			ExpiryProperties settings) {
		this.actions = actions;
		this.transaction = transaction;
		this.together = together;
		this.settings = settings;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Duration interval() {
		return this.settings.getInterval();
	}

	@Override
	public int batchSize() {
		return this.settings.getBatchSize();
	}

	@Override
	public Duration maxRunTime() {
		return this.settings.getMaxRunTime();
	}

	@Override
	public boolean sharesBacklog() {
		return true;
	}

	@Override
	public int parallelSweeps() {
		return this.actions.locksOverdueClaims() ? this.settings.getParallelSweeps() : 1;
	}

	@Override
	public int sweep() {
		Instant now = Instant.now();
		Instant failedSince = now.minus(this.settings.getRetryDelay());
		List<UUID> claimed = new ArrayList<>();
		try {
			this.transaction.executeWithoutResult((status) -> {
				claimed.addAll(this.actions.claimOverdue(now, failedSince, batchSize()));
				this.together.accept(() -> this.actions.expire(claimed));
			});
		}
		catch (RuntimeException ex) {
			if (claimed.isEmpty()) {
				throw ex;
			}
			log.debug("A batch of {} overdue action(s) could not be expired together ({}); expiring them one by one",
					claimed.size(), ex.toString());
			claimed.forEach((id) -> expireAlone(id, now, failedSince));
		}
		return claimed.size();
	}

	private void expireAlone(UUID id, Instant now, Instant failedSince) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				if (this.actions.claimOverdue(id, now, failedSince)) {
					this.actions.expire(id);
				}
			});
		}
		catch (ActionConflictException ex) {
			log.debug("Action {} was answered or cancelled while it expired; the answer stands", id);
		}
		catch (RuntimeException ex) {
			recordFailure(id, ex);
		}
	}

	private void recordFailure(UUID id, RuntimeException ex) {
		String error = FailureMessage.of(ex);
		log.warn("Action {} could not be expired, tried again in {}: {}", id, this.settings.getRetryDelay(), error);
		try {
			this.transaction.executeWithoutResult((status) -> this.actions.recordExpiryFailed(id, error));
		}
		catch (RuntimeException auditFailed) {
			log.error("Cannot record the failed expiry of action {}", id, auditFailed);
		}
	}

}
