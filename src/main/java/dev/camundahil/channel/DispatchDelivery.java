package dev.camundahil.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionView;
import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.retry.RetryPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one claimed outbox row and records how it went: {@code dispatched} (or {@code reminded}) with the
 * channel's receipt, a retry when the retry policy says, or, after the last attempt or a
 * {@link PermanentDispatchFailure}, {@code dispatch_failed} and the {@code action.dispatch_failed} event, the action
 * staying pending. A channel is called outside any transaction unless it
 * {@linkplain OutputChannel#deliversInTransaction() writes only to the database}.
 */
final class DispatchDelivery {

	private static final Logger log = LoggerFactory.getLogger(DispatchDelivery.class);

	/** The least a reminder waits for a request that has not gone out yet, so that it is not claimed at once again. */
	private static final Duration REQUEST_WAIT = Duration.ofSeconds(5);

	private final DispatchRows rows;

	private final ChannelRouter router;

	private final ActionService actions;

	private final TransactionTemplate transaction;

	private final RetryPolicy retries;

	DispatchDelivery(DispatchRows rows, ChannelRouter router, ActionService actions, TransactionTemplate transaction,
			RetryPolicy retries) {
		this.rows = rows;
		this.router = router;
		this.actions = actions;
		this.transaction = transaction;
		this.retries = retries;
	}

	void deliver(ClaimedDispatch row) {
		try {
			String requestMessageId = null;
			if (row.purpose() == Purpose.REMINDER) {
				DispatchRows.RequestState request = this.rows.request(row.actionId(), row.outputType());
				if (request.pending()) {
					waitForRequest(row, request);
					return;
				}
				requestMessageId = request.messageId();
			}
			Optional<OutputChannel> channel = this.router.channel(row.channel());
			if (channel.isEmpty()) {
				recordFailure(row, "this application has no OutputChannel bean named '" + row.channel() + "'", false, null);
			}
			else if (channel.get().deliversInTransaction()) {
				deliverInTransaction(row, channel.get(), requestMessageId);
			}
			else {
				deliverOutside(row, channel.get(), requestMessageId);
			}
		}
		catch (RuntimeException ex) {
			// recording failed (the database is away): the claim lapses and the row is tried again
			log.error("Could not record the outcome of the {}; it is tried again after its lease", row.describe(), ex);
		}
	}

	/**
	 * A reminder never goes out before the request it reminds of, which it refers to (an email joins its thread):
	 * it waits, with no attempt counted, until the request's next attempt; while the request's first attempt is under
	 * way, only a short while, since it is likely to go out in a moment rather than at the end of its lease.
	 */
	private void waitForRequest(ClaimedDispatch reminder, DispatchRows.RequestState request) {
		Instant earliest = Instant.now().plus(REQUEST_WAIT);
		Instant until = (!request.firstAttempt() && request.nextAttemptAt().isAfter(earliest))
				? request.nextAttemptAt() : earliest;
		if (this.rows.postpone(reminder, until)) {
			log.debug("The {} waits until {}: its request has not gone out yet", reminder.describe(), until);
		}
	}

	private void deliverOutside(ClaimedDispatch row, OutputChannel channel, String requestMessageId) {
		ActionView action = pendingAction(row);
		if (action == null) {
			return;
		}
		DispatchReceipt receipt;
		try {
			receipt = channel.dispatch(new ChannelMessage(action, row.outputType(), row.purpose(), requestMessageId,
					row.recipient(), row.id()));
		}
		catch (Exception ex) {
			recordFailure(row, ex);
			return;
		}
		this.transaction.executeWithoutResult((status) -> recordDelivered(row, receipt));
	}

	private void deliverInTransaction(ClaimedDispatch row, OutputChannel channel, String requestMessageId) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				ActionView action = pendingAction(row);
				if (action != null) {
					DispatchReceipt receipt;
					try {
						receipt = channel.dispatch(
								new ChannelMessage(action, row.outputType(), row.purpose(), requestMessageId,
										row.recipient(), row.id()));
					}
					catch (Exception ex) {
						throw new ChannelFailure(ex);
					}
					recordDelivered(row, receipt);
				}
			});
		}
		catch (ChannelFailure ex) {
			recordFailure(row, (Exception) ex.getCause());
		}
	}

	/** The action if it still waits for an answer; otherwise the row is skipped and null returned. */
	private ActionView pendingAction(ClaimedDispatch row) {
		// a lookup, not find: a missing action must not mark a surrounding transaction rollback-only
		ActionRequest action = this.actions.lookup(row.actionId()).orElse(null);
		if (action == null || !action.isPending()) {
			String reason = (action == null) ? "action deleted" : "action " + action.getStatus().value();
			this.rows.skipped(row, reason);
			log.debug("Not sending the {}: {}", row.describe(), reason);
			return null;
		}
		return ActionView.of(action);
	}

	private void recordDelivered(ClaimedDispatch row, DispatchReceipt receipt) {
		DispatchReceipt result = (receipt != null) ? receipt : DispatchReceipt.delivered();
		if (!this.rows.delivered(row, result.messageId(), Instant.now())) {
			log.warn("Delivered the {}, but another node had claimed it again meanwhile; raise hil.dispatch.lease above "
					+ "the channel's slowest delivery", row.describe());
		}
		Map<String, Object> data = auditData(row);
		data.putAll(result.auditData());
		if (row.purpose() == Purpose.REMINDER) {
			this.actions.recordReminded(row.actionId(), data);
		}
		else {
			this.actions.recordDispatched(row.actionId(), data);
		}
		log.info("Delivered the {}", row.describe());
	}

	private void recordFailure(ClaimedDispatch row, Exception ex) {
		recordFailure(row, describe(ex), ex instanceof PermanentDispatchFailure,
				(ex instanceof PartlySent partly) ? partly.sentMessageId() : null);
	}

	/**
	 * @param permanent the channel said that trying again cannot help
	 * @param sentMessageId the Message-ID of the part that went out, if some did
	 */
	private void recordFailure(ClaimedDispatch row, String error, boolean permanent, String sentMessageId) {
		Optional<Duration> delay = permanent ? Optional.empty() : this.retries.delayAfter(row.attempts());
		if (delay.isPresent()) {
			Instant next = Instant.now().plus(delay.get());
			if (this.rows.retryAt(row, next, error, sentMessageId)) {
				log.warn("Could not deliver the {} (of {}); trying again at {}: {}", row.describe(),
						this.retries.maxAttempts(), next, error);
			}
			return;
		}
		this.transaction.executeWithoutResult((status) -> {
			if (!this.rows.failed(row, error, sentMessageId)) {
				return;
			}
			Map<String, Object> data = auditData(row);
			data.put("error", error);
			if (sentMessageId != null) {
				data.put("messageId", sentMessageId);
			}
			this.actions.recordDispatchFailed(row.actionId(), data);
			if (permanent) {
				log.error("Cannot deliver the {}, and trying again cannot help; the action stays open for an answer "
						+ "by other means: {}", row.describe(), error);
			}
			else {
				log.error("Gave up the {} after {} attempt(s); the action stays open for an answer by other means: {}",
						row.describe(), row.attempts(), error);
			}
		});
	}

	static Map<String, Object> auditData(ClaimedDispatch row) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outputType", row.outputType());
		data.put("channel", row.channel());
		data.put("purpose", row.purpose().name().toLowerCase(java.util.Locale.ROOT));
		if (row.reminder() != null) {
			data.put("reminder", row.reminder());
		}
		data.put("attempts", row.attempts());
		if (row.recipient() != null) {
			data.put("recipient", row.recipient());
		}
		return data;
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null && !message.isBlank()) ? ": " + message : "");
	}

	/** Carries a channel's exception out of the transaction it rolled back. */
	private static final class ChannelFailure extends RuntimeException {

		ChannelFailure(Exception cause) {
			super(cause);
		}

	}

}
