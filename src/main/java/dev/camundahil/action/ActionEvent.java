package dev.camundahil.action;

import java.time.Instant;

/**
 * Something happened to an action. Published inside the transaction that recorded it, so a listener that writes
 * (an outbox row, a process signal) commits or rolls back with it; listeners with side effects outside the
 * database act after commit. The action's row is already written when a listener hears of it, so rows that refer
 * to it may be inserted with plain JDBC.
 *
 * @param type the webhook event name, such as {@code action.completed}
 * @param action the action as it is after the event
 * @param timestamp when it happened
 * @param engineInitiated whether the process engine itself caused it (the task was left without a response),
 * in which case nobody needs to resume the process
 * @param resumeLater whether the process resumes later, from a job, instead of in this transaction: resuming it
 * with the answer failed once
 */
public record ActionEvent(String type, ActionView action, Instant timestamp, boolean engineInitiated,
		boolean resumeLater) {

	public static final String CREATED = "action.created";

	public static final String COMPLETED = "action.completed";

	public static final String EXPIRED = "action.expired";

	public static final String CANCELLED = "action.cancelled";

	public static final String DISPATCH_FAILED = "action.dispatch_failed";

	public static final String REMINDED = "action.reminded";

	/** Whether this event ends the action, so that a waiting process instance resumes. */
	public boolean closesAction() {
		return closes(this.type);
	}

	/** Whether an event of this type ends the action. */
	public static boolean closes(String type) {
		return COMPLETED.equals(type) || EXPIRED.equals(type) || CANCELLED.equals(type);
	}

}
