package dev.camundahil.channel.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a chat conversation, derived from an action: its question ({@code prompt}), the human's answer
 * ({@code answer}), or how it ended without one ({@code status}).
 *
 * @param role {@code prompt}, {@code answer} or {@code status}
 * @param text what is shown: the task's {@code message} (else its question), the answer, or the end
 * @param options the quick replies of a prompt ({@code expectedResponse}); empty when any answer goes
 * @param actionId the action this entry belongs to
 * @param status the action's status now ({@code pending}, {@code completed}, {@code expired}, {@code cancelled})
 * @param user who answered ({@code respondedBy}), for answers
 * @param timestamp when it was asked, answered or ended
 * @param comment what the person said beside the answer, for answers that carry one
 * @param tally how far the votes have come ("2 of 3 approved"), for pending prompts that several approvers decide
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(String role, String text, List<String> options, UUID actionId, String status, String user,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp, String comment, String tally) {

	public ChatMessage(String role, String text, List<String> options, UUID actionId, String status, String user,
			Instant timestamp, String comment) {
		this(role, text, options, actionId, status, user, timestamp, comment, null);
	}

	public ChatMessage(String role, String text, List<String> options, UUID actionId, String status, String user,
			Instant timestamp) {
		this(role, text, options, actionId, status, user, timestamp, null);
	}

	public static final String PROMPT = "prompt";

	public static final String ANSWER = "answer";

	public static final String STATUS = "status";

}
