package dev.camundahil.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An action as the API, webhooks and channels show it: a plain value, detached from persistence. {@code comment} is
 * what the person said beside the answer; {@code locale} and {@code timeZone} what the task asked its emails and
 * pages to speak (null: the settings' defaults). An action that several approvers decide also shows its
 * {@code votes} and their {@code tally}; other actions leave both out.
 */
public record ActionView(UUID id, String flowId, String sessionId, String nodeId, ActionStatus status,
		List<String> outputTypes, ActionContext context, Map<String, Object> args, ActionResponse response,
		String comment, String processInstanceId, String executionId, Instant expiresAt, Instant createdAt,
		Instant updatedAt, String locale, String timeZone,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<ActionVote> votes,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> tally) {

	/** An action without comment or votes, in the default language and time zone. */
	public ActionView(UUID id, String flowId, String sessionId, String nodeId, ActionStatus status,
			List<String> outputTypes, ActionContext context, Map<String, Object> args, ActionResponse response,
			String processInstanceId, String executionId, Instant expiresAt, Instant createdAt, Instant updatedAt) {
		this(id, flowId, sessionId, nodeId, status, outputTypes, context, args, response, null, processInstanceId,
				executionId, expiresAt, createdAt, updatedAt, null, null, null, null);
	}

	public static ActionView of(ActionRequest action) {
		List<ActionVote> votes = action.getVotes();
		Map<String, Object> tally = (votes != null) ? ApprovalRule.of(action)
			.map((rule) -> rule.tally(votes, ApprovalRule.approvers(action).size(), ExpectedResponses.of(action)))
			.orElse(null) : null;
		return new ActionView(action.getId(), action.getFlowId(), action.getSessionId(), action.getNodeId(),
				action.getStatus(), action.getOutputTypes(), action.getContext(), action.getArgs(), action.getResponse(),
				action.getComment(), action.getProcessInstanceId(), action.getExecutionId(), action.getExpiresAt(),
				action.getCreatedAt(), action.getUpdatedAt(), action.getLocale(), action.getTimeZone(), votes, tally);
	}

}
