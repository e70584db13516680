package dev.camundahil.channel;

import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionView;

/**
 * One message a channel delivers: an action, on one of its output types, as the first request or as a reminder.
 *
 * @param action the action as it was when the message was queued
 * @param outputType the output type this message is for ({@code chat}, {@code email}, {@code custom})
 * @param purpose why the message is sent
 * @param requestMessageId for a reminder, the message id the channel gave for the action's request on this output
 * type (an email's {@code Message-ID}), so that the reminder can join its thread; {@code null} for a request, or
 * when the request has none
 * @param recipient the one person this message is for (a recipient a reassignment added), or {@code null} for
 * everyone the action is addressed to
 * @param dispatchId the dispatch outbox row this message is delivered for, the same on every retry of it, so that a
 * channel that sends in parts (an email's copies) can tell what an earlier attempt already sent; {@code null} for a
 * message that does not come from the outbox
 */
public record ChannelMessage(ActionView action, String outputType, Purpose purpose, String requestMessageId,
		String recipient, UUID dispatchId) {

	/** A message that refers to no earlier one. */
	public ChannelMessage(ActionView action, String outputType, Purpose purpose) {
		this(action, outputType, purpose, null, null, null);
	}

	/** A message for everyone the action is addressed to. */
	public ChannelMessage(ActionView action, String outputType, Purpose purpose, String requestMessageId) {
		this(action, outputType, purpose, requestMessageId, null, null);
	}

	/** A message that does not come from the dispatch outbox. */
	public ChannelMessage(ActionView action, String outputType, Purpose purpose, String requestMessageId,
			String recipient) {
		this(action, outputType, purpose, requestMessageId, recipient, null);
	}

	public enum Purpose {

		/** The action was opened. */
		REQUEST,

		/** The action is still pending and its task asked for a reminder. */
		REMINDER

	}

	/** The task's arguments for the channels ({@code to}, {@code subject}, custom arguments, ...). */
	public Map<String, Object> args() {
		return (this.action.args() != null) ? this.action.args() : Map.of();
	}

	/** The text to show: the task's {@code message}, else its question. */
	public String text() {
		Object message = args().get("message");
		return (message != null) ? message.toString() : this.action.context().question();
	}

	public boolean isReminder() {
		return this.purpose == Purpose.REMINDER;
	}

}
