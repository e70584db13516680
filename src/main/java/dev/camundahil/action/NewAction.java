package dev.camundahil.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to open an action. {@code args} holds the per-output-type settings of the schema document
 * (chat: message, expectedResponse; email: to, cc, bcc, subject, bodyHTML, bodyText, attachments; custom: any).
 * {@code locale} (a BCP 47 tag) and {@code timeZone} (a zone id) say how its emails and pages speak; null for the
 * settings' defaults. {@code activityInstanceId} is the engine's activity instance the task waits in (null outside a
 * process), which outlives the execution when the engine replaces it.
 */
public record NewAction(String flowId, String sessionId, String nodeId, List<String> outputTypes, String question,
		Map<String, Object> metadata, Map<String, Object> args, String processInstanceId, String executionId,
		Instant expiresAt, String locale, String timeZone, String activityInstanceId) {

	public NewAction {
		outputTypes = List.copyOf(outputTypes);
	}

	/** An action that names no activity instance. */
	public NewAction(String flowId, String sessionId, String nodeId, List<String> outputTypes, String question,
			Map<String, Object> metadata, Map<String, Object> args, String processInstanceId, String executionId,
			Instant expiresAt, String locale, String timeZone) {
		this(flowId, sessionId, nodeId, outputTypes, question, metadata, args, processInstanceId, executionId,
				expiresAt, locale, timeZone, null);
	}

	/** An action in the default language and time zone. */
	public NewAction(String flowId, String sessionId, String nodeId, List<String> outputTypes, String question,
			Map<String, Object> metadata, Map<String, Object> args, String processInstanceId, String executionId,
			Instant expiresAt) {
		this(flowId, sessionId, nodeId, outputTypes, question, metadata, args, processInstanceId, executionId,
				expiresAt, null, null, null);
	}

}
