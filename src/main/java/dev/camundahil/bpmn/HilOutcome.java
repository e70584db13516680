package dev.camundahil.bpmn;

import java.util.UUID;

import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;

/**
 * How an action ended, handed to the waiting execution when it is signalled.
 */
record HilOutcome(UUID actionId, ActionStatus status, Object response, String respondedBy) {

	static HilOutcome of(ActionView action) {
		return new HilOutcome(action.id(), action.status(),
				(action.response() != null) ? action.response().value() : null,
				(action.response() != null) ? action.response().respondedBy() : null);
	}

}
