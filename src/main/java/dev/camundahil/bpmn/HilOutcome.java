package dev.camundahil.bpmn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;

/**
 * How an action ended, handed to the waiting execution when it is signalled.
 */
record HilOutcome(UUID actionId, ActionStatus status, Object response, String respondedBy, String comment) {

	HilOutcome(UUID actionId, ActionStatus status, Object response, String respondedBy) {
		this(actionId, status, response, respondedBy, null);
	}

	static HilOutcome of(ActionView action) {
		return new HilOutcome(action.id(), action.status(),
				(action.response() != null) ? action.response().value() : null,
				(action.response() != null) ? action.response().respondedBy() : null, action.comment());
	}

	/**
	 * The outcome as the result variable holds it: {actionId, status, response, respondedBy}, and comment when the
	 * person gave one.
	 */
	Map<String, Object> asMap() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("actionId", (this.actionId != null) ? this.actionId.toString() : null);
		result.put("status", this.status.value());
		result.put("response", this.response);
		result.put("respondedBy", this.respondedBy);
		if (this.comment != null) {
			result.put("comment", this.comment);
		}
		return result;
	}

}
