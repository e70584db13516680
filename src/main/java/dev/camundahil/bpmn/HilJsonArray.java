package dev.camundahil.bpmn;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array the plugin hands to a process, such as an answer that is a list ({@code hilResponse}). A list, so that
 * expressions such as {@code ${hilResponse[0]}} read it; a type of its own, so that {@link HilValueSerializer}
 * stores it as JSON on any engine, without a JSON data format of the engine's.
 */
public final class HilJsonArray extends ArrayList<Object> {

	@Serial
	private static final long serialVersionUID = 1L;

	static HilJsonArray of(List<?> values) {
		HilJsonArray array = new HilJsonArray();
		array.addAll(values);
		return array;
	}

}
