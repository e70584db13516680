package dev.camundahil.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionAudit;

/**
 * One audit entry of an action, as the API shows it.
 */
record AuditEntry(UUID id, UUID actionId, String event, Map<String, Object> data, String userId, Instant timestamp) {

	static AuditEntry of(ActionAudit audit) {
		return new AuditEntry(audit.getId(), audit.getActionId(), audit.getEvent(), audit.getData(), audit.getUserId(),
				audit.getTimestamp());
	}

}
