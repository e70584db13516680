package dev.camundahil.channel;

import java.util.List;

import dev.camundahil.action.ActionView;

/**
 * A way to reach people with an action: the chat conversation, email, or anything an application adds. Declare
 * one as a Spring bean. The built-in output types {@code chat} and {@code email} are served by the bean whose
 * {@link #type()} names them; output type {@code custom} is served by the bean that the task's {@code channel}
 * parameter names.
 * <p>
 * A channel is called after the transaction that opened the action has committed, from an outbox, and is called
 * again with backoff when it throws, so {@link #dispatch} must be safe to repeat for the same message; the
 * message's {@link ChannelMessage#dispatchId() dispatchId} is the same on every attempt.
 */
public interface OutputChannel {

	/** The output type this channel serves: {@code chat}, {@code email}, or {@code custom}. */
	String type();

	/**
	 * Whether this channel only writes to the plugin's own database, so it is called inside the transaction that
	 * opens the action instead of through the outbox (no extra transaction, nothing to retry).
	 */
	default boolean deliversInTransaction() {
		return false;
	}

	/**
	 * The people this channel addresses an action to by name (an email's {@code to}, {@code cc} and {@code bcc}),
	 * each of whom gets links of their own and can be reassigned; empty for a channel that names nobody. Asked in
	 * the transaction that opens the action.
	 * @throws IllegalArgumentException the task's arguments name no usable recipients (the dispatch then fails)
	 */
	default List<String> recipients(ActionView action) {
		return List.of();
	}

	/**
	 * Delivers one message about an action (the request itself, or a reminder).
	 * @return what the delivery produced, such as the email's {@code Message-ID}
	 * @throws PermanentDispatchFailure when trying again cannot help: the dispatch fails at once
	 * @throws Exception when delivery failed and should be retried later
	 */
	DispatchReceipt dispatch(ChannelMessage message) throws Exception;

}
