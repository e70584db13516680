package dev.camundahil.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An action as the API, webhooks and channels show it: a plain value, detached from persistence.
 */
public record ActionView(UUID id, String flowId, String sessionId, String nodeId, ActionStatus status,
		List<String> outputTypes, ActionContext context, Map<String, Object> args, ActionResponse response,
		String processInstanceId, String executionId, Instant expiresAt, Instant createdAt, Instant updatedAt) {

	public static ActionView of(ActionRequest action) {
		return new ActionView(action.getId(), action.getFlowId(), action.getSessionId(), action.getNodeId(),
				action.getStatus(), action.getOutputTypes(), action.getContext(), action.getArgs(), action.getResponse(),
				action.getProcessInstanceId(), action.getExecutionId(), action.getExpiresAt(), action.getCreatedAt(),
				action.getUpdatedAt());
	}

}
