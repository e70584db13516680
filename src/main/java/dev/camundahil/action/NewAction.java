package dev.camundahil.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to open an action. {@code args} holds the per-output-type settings of the schema document
 * (chat: message, expectedResponse; email: to, cc, bcc, subject, bodyHTML, bodyText, attachments; custom: any).
 */
public record NewAction(String flowId, String sessionId, String nodeId, List<String> outputTypes, String question,
		Map<String, Object> metadata, Map<String, Object> args, String processInstanceId, String executionId,
		Instant expiresAt) {

	public NewAction {
		outputTypes = List.copyOf(outputTypes);
	}

}
