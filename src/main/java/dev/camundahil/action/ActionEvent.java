package dev.camundahil.action;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Something happened to an action. Published inside the transaction that recorded it, so a listener that writes
 * (an outbox row, a process signal) commits or rolls back with it; listeners with side effects outside the
 * database act after commit. The action's row is already written when a listener hears of it, so rows that refer
 * to it may be inserted with plain JDBC.
 *
 * @param type what happened, named as webhooks name it
 * @param action the action as it is after the event
 * @param timestamp when it happened
 * @param engineInitiated whether the process engine itself caused it (the task was left without a response),
 * in which case nobody needs to resume the process
 * @param resumeLater whether the process resumes later, from a job, instead of in this transaction: resuming it
 * with the answer failed once
 * @param details what webhooks tell besides the action: who answered on which channel ({@code action.completed}),
 * who passed the action from whom to whom and why ({@code action.reassigned}), the deadline before and after
 * an extension ({@code action.extended}), who voted what on which channel ({@code action.voted}), the level and
 * the people an escalation added ({@code action.escalated})
 */
public record ActionEvent(Type type, ActionView action, Instant timestamp, boolean engineInitiated,
		boolean resumeLater, Map<String, Object> details) {

	public ActionEvent {
		details = (details != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(details)) : Map.of();
	}

	public ActionEvent(Type type, ActionView action, Instant timestamp, boolean engineInitiated, boolean resumeLater) {
		this(type, action, timestamp, engineInitiated, resumeLater, Map.of());
	}

	/** Whether this event ends the action, so that a waiting process instance resumes. */
	public boolean closesAction() {
		return this.type.closesAction();
	}

	/** The kinds of event, each with the name webhooks and chat streams know it by. */
	public enum Type {

		CREATED("action.created"), COMPLETED("action.completed"), EXPIRED("action.expired"),
		CANCELLED("action.cancelled"), DISPATCH_FAILED("action.dispatch_failed"), REMINDED("action.reminded"),
		REASSIGNED("action.reassigned"), EXTENDED("action.extended"), VOTED("action.voted"),
		ESCALATED("action.escalated");

		private final String value;

		Type(String value) {
			this.value = value;
		}

		/** The event's name, such as {@code action.completed}. */
		@JsonValue
		public String value() {
			return this.value;
		}

		/** Whether an event of this type ends the action. */
		public boolean closesAction() {
			return this == COMPLETED || this == EXPIRED || this == CANCELLED;
		}

		@JsonCreator
		public static Type of(String value) {
			for (Type type : values()) {
				if (type.value.equals(value)) {
					return type;
				}
			}
			throw new IllegalArgumentException("Unknown action event '" + value + "'");
		}

		@Override
		public String toString() {
			return this.value;
		}

	}

}
