package dev.camundahil.action;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The human's answer: any JSON value, who gave it, when, and where it came from ({@code api}, {@code chat},
 * {@code email-link}, {@code email}, {@code timeout} for a {@link DefaultDecision}; absent on answers recorded before
 * it was kept). For an action that several approvers decide, the value is the decision (null when undecided),
 * {@code respondedBy} the approver whose vote ended it, and {@code decided} says whether the votes reached a
 * decision; absent for other actions.
 */
public record ActionResponse(Object value, String respondedBy,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,
		@JsonInclude(JsonInclude.Include.NON_NULL) String channel,
		@JsonInclude(JsonInclude.Include.NON_NULL) Boolean decided) {

	public ActionResponse(Object value, String respondedBy, Instant timestamp, String channel) {
		this(value, respondedBy, timestamp, channel, null);
	}

	public ActionResponse(Object value, String respondedBy, Instant timestamp) {
		this(value, respondedBy, timestamp, null, null);
	}

}
