package dev.camundahil.bpmn;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of a lean task's result variable: {@code {actionId, status, response, respondedBy}}. A map, so that
 * expressions such as {@code ${hil.response}} read it; a type of its own, so that {@link HilValueSerializer} keeps
 * it in the variable's own row.
 */
public final class HilResult extends LinkedHashMap<String, Object> {

	@Serial
	private static final long serialVersionUID = 1L;

	static HilResult of(Map<String, Object> values) {
		HilResult result = new HilResult();
		result.putAll(values);
		return result;
	}

}
