package dev.camundahil.bpmn;

import java.io.Serial;
import java.util.LinkedHashMap;

import dev.camundahil.action.ActionRequest;

/**
 * The value of {@code hilState} while a HIL task waits: {@code {pendingActionId, outputTypes, args}}. A map, so that
 * expressions such as {@code ${hilState.pendingActionId}} and Cockpit read it like any JSON object; a type of its
 * own, so that {@link HilValueSerializer} stores it and no other object.
 */
public final class HilState extends LinkedHashMap<String, Object> {

	@Serial
	private static final long serialVersionUID = 1L;

	static HilState of(ActionRequest action) {
		HilState state = new HilState();
		state.put("pendingActionId", action.getId().toString());
		state.put("outputTypes", action.getOutputTypes());
		state.put("args", action.getArgs());
		return state;
	}

}
