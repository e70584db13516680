package dev.camundahil.action;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One approver's vote on an action that several approvers decide.
 *
 * @param by the approver, as the task names them
 * @param value the answer: an option, or any value when the action has no options
 * @param at when it was given
 * @param channel where it came from ({@code api}, {@code chat}, {@code email-link}, {@code email})
 */
public record ActionVote(String by, Object value, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant at,
		String channel) {
}
