package dev.camundahil.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An action as the API, webhooks and channels show it: a plain value, detached from persistence. An action that
 * several approvers decide also shows its {@code votes} and their {@code tally}; other actions leave both out.
 */
public record ActionView(UUID id, String flowId, String sessionId, String nodeId, ActionStatus status,
		List<String> outputTypes, ActionContext context, Map<String, Object> args, ActionResponse response,
		String processInstanceId, String executionId, Instant expiresAt, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<ActionVote> votes,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> tally) {

	public ActionView(UUID id, String flowId, String sessionId, String nodeId, ActionStatus status,
			List<String> outputTypes, ActionContext context, Map<String, Object> args, ActionResponse response,
			String processInstanceId, String executionId, Instant expiresAt, Instant createdAt, Instant updatedAt) {
		this(id, flowId, sessionId, nodeId, status, outputTypes, context, args, response, processInstanceId,
				executionId, expiresAt, createdAt, updatedAt, null, null);
	}

	public static ActionView of(ActionRequest action) {
		List<ActionVote> votes = action.getVotes();
		Map<String, Object> tally = (votes != null) ? ApprovalRule.of(action)
			.map((rule) -> rule.tally(votes, ApprovalRule.approvers(action).size(), ExpectedResponses.of(action)))
			.orElse(null) : null;
		return new ActionView(action.getId(), action.getFlowId(), action.getSessionId(), action.getNodeId(),
				action.getStatus(), action.getOutputTypes(), action.getContext(), action.getArgs(), action.getResponse(),
				action.getProcessInstanceId(), action.getExecutionId(), action.getExpiresAt(), action.getCreatedAt(),
				action.getUpdatedAt(), votes, tally);
	}

}
