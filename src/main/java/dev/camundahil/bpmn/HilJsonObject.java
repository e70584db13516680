package dev.camundahil.bpmn;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object the plugin hands to a process, such as an answer that is a map ({@code hilResponse}). A map, so that
 * expressions such as {@code ${hilResponse.score}} read it; a type of its own, so that {@link HilValueSerializer}
 * stores it as JSON on any engine, without a JSON data format of the engine's.
 */
public final class HilJsonObject extends LinkedHashMap<String, Object> {

	@Serial
	private static final long serialVersionUID = 1L;

	static HilJsonObject of(Map<?, ?> values) {
		HilJsonObject object = new HilJsonObject();
		values.forEach((key, value) -> object.put(String.valueOf(key), value));
		return object;
	}

}
