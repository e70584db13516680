package dev.camundahil.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionView;
import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.channel.ChannelRouter.Route;
import dev.camundahil.retry.RetryPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the outbox of a new action in the transaction that opens it: one row per output type, and one per reminder
 * and output type, due at its time. Channels that write only to the database are called right there, and leave a
 * row only when they return a message id to match replies with; the other rows go to the {@link DispatchWorkers}
 * once the transaction has committed, so nothing is sent for an action that was rolled back. An output type without a channel is recorded as failed at once. When an action closes, its rows
 * still to deliver are skipped.
 */
final class DispatchOutbox {

	private static final Logger log = LoggerFactory.getLogger(DispatchOutbox.class);

	private final DispatchRows rows;

	private final ChannelRouter router;

	private final ActionService actions;

	private final RetryPolicy retries;

	private final DispatchWorkers workers;

	DispatchOutbox(DispatchRows rows, ChannelRouter router, ActionService actions, RetryPolicy retries, DispatchWorkers workers) {
		this.rows = rows;
		this.router = router;
		this.actions = actions;
		this.retries = retries;
		this.workers = workers;
	}

	@EventListener
	void on(ActionEvent event) {
		if (event.type() == ActionEvent.Type.CREATED) {
			open(event.action());
		}
		else if (event.type() == ActionEvent.Type.REASSIGNED || event.type() == ActionEvent.Type.ESCALATED) {
			reassigned(event.action(), event.details().get("to"));
		}
		else if (event.closesAction() && mayHaveRowsToSend(event.action())) {
			int skipped = this.rows.skipPending(event.action().id(), "action " + event.action().status().value());
			if (skipped > 0) {
				log.debug("Action {} is {}; {} message(s) still to send are skipped", event.action().id(),
						event.action().status().value(), skipped);
			}
		}
	}

	/**
	 * Whether an action may still have rows to send: not when every output type is served inside the opening
	 * transaction and no reminder is due, which spares the common chat-only action a statement when it closes. (A
	 * rare retry of an in-transaction channel that is left over is skipped when it is claimed.)
	 */
	private boolean mayHaveRowsToSend(ActionView action) {
		if (action.args() != null && action.args().get(ReminderDurations.PARAMETER) != null) {
			return true;
		}
		for (String outputType : action.outputTypes()) {
			Route route = this.router.route(outputType, action.args());
			if (route.found() && !route.channel().deliversInTransaction()) {
				return true;
			}
		}
		return false;
	}

	private void open(ActionView action) {
		// the rows refer to the action, whose row ActionService writes before it publishes CREATED
		List<Duration> reminders = reminders(action);
		recordRecipients(action);
		Instant now = Instant.now();
		List<UUID> queued = new ArrayList<>();
		for (String outputType : action.outputTypes()) {
			Route route = this.router.route(outputType, action.args());
			if (!route.found()) {
				failAtOnce(action, route, now);
				continue;
			}
			if (route.channel().deliversInTransaction()) {
				deliverNow(action, route, now);
			}
			else {
				queued.add(this.rows.insertPending(action.id(), outputType, route.channelName(), Purpose.REQUEST, null,
						now.plus(DispatchWorkers.HANDOVER), now));
			}
			for (Duration reminder : reminders) {
				Instant due = action.createdAt().plus(reminder);
				if (action.expiresAt() == null || due.isBefore(action.expiresAt())) {
					this.rows.insertPending(action.id(), outputType, route.channelName(), Purpose.REMINDER,
							reminder.toString(), due, now);
				}
				else {
					log.debug("Reminder {} of action {} would come after it expires; not scheduled", reminder, action.id());
				}
			}
		}
		afterCommit(queued);
	}

	/** The people the channels address the action to, so that each gets links of their own. */
	private void recordRecipients(ActionView action) {
		Set<String> people = new LinkedHashSet<>();
		for (String outputType : action.outputTypes()) {
			Route route = this.router.route(outputType, action.args());
			if (route.found()) {
				try {
					people.addAll(route.channel().recipients(action));
				}
				catch (IllegalArgumentException ex) {
					// the delivery fails on the same arguments and records why
					log.debug("Action {} names no usable recipients on {}: {}", action.id(), outputType, ex.getMessage());
				}
			}
		}
		if (!people.isEmpty()) {
			this.actions.addRecipients(action.id(), people);
		}
	}

	/**
	 * The request for each person a reassignment added, one row each on every output type whose channel names
	 * recipients: sent once, and retried like any request.
	 */
	private void reassigned(ActionView action, Object added) {
		if (!(added instanceof Collection<?> people) || people.isEmpty()) {
			return;
		}
		Instant now = Instant.now();
		List<UUID> queued = new ArrayList<>();
		for (String outputType : action.outputTypes()) {
			Route route = this.router.route(outputType, action.args());
			if (!route.found() || route.channel().deliversInTransaction() || recipientsOf(route, action).isEmpty()) {
				continue;
			}
			for (Object person : people) {
				queued.add(this.rows.insertPendingFor(action.id(), outputType, route.channelName(), String.valueOf(person),
						now.plus(DispatchWorkers.HANDOVER), now));
			}
		}
		afterCommit(queued);
	}

	private static List<String> recipientsOf(Route route, ActionView action) {
		try {
			return route.channel().recipients(action);
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	private List<Duration> reminders(ActionView action) {
		try {
			return ReminderDurations.parse((action.args() != null) ? action.args().get(ReminderDurations.PARAMETER) : null);
		}
		catch (IllegalArgumentException ex) {
			throw new ChannelArgsException(ex.getMessage(), ex);
		}
	}

	private void deliverNow(ActionView action, Route route, Instant now) {
		DispatchReceipt receipt;
		try {
			receipt = route.channel().dispatch(new ChannelMessage(action, route.outputType(), Purpose.REQUEST));
		}
		catch (Exception ex) {
			String error = DispatchDelivery.describe(ex);
			Optional<Duration> delay = (ex instanceof PermanentDispatchFailure) ? Optional.empty()
					: this.retries.delayAfter(1);
			if (delay.isPresent()) {
				Instant next = now.plus(delay.get());
				this.rows.insertRetry(action.id(), route.outputType(), route.channelName(), next, error, now);
				log.warn("Channel '{}' could not deliver action {}; trying again at {}: {}", route.channelName(),
						action.id(), next, error);
			}
			else {
				failAtOnce(action, route.outputType(), route.channelName(), error, now);
			}
			return;
		}
		DispatchReceipt result = (receipt != null) ? receipt : DispatchReceipt.delivered();
		if (result.messageId() != null) {
			// kept so that a reply quoting this message id finds its action; the audit entry records the delivery
			this.rows.insertDelivered(action.id(), route.outputType(), route.channelName(), result.messageId(), now);
		}
		Map<String, Object> data = auditData(route.outputType(), route.channelName());
		data.put("attempts", 1);
		data.putAll(result.auditData());
		this.actions.recordDispatched(action.id(), data);
		log.info("Delivered the request of action {} on {} (channel '{}')", action.id(), route.outputType(),
				route.channelName());
	}

	private void failAtOnce(ActionView action, Route route, Instant now) {
		failAtOnce(action, route.outputType(), route.channelName(), route.problem(), now);
	}

	private void failAtOnce(ActionView action, String outputType, String channel, String error, Instant now) {
		this.rows.insertFailed(action.id(), outputType, channel, error, now);
		Map<String, Object> data = auditData(outputType, channel);
		data.put("error", error);
		this.actions.recordDispatchFailed(action.id(), data);
		log.error("Action {} cannot be sent on {}: {}; it stays pending for an answer by other means", action.id(),
				outputType, error);
	}

	private void afterCommit(List<UUID> queued) {
		if (queued.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.workers.deliverSoon(queued);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				DispatchOutbox.this.workers.deliverSoon(queued);
			}
		});
	}

	private static Map<String, Object> auditData(String outputType, String channel) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outputType", outputType);
		data.put("channel", channel);
		data.put("purpose", "request");
		return data;
	}

}
