package dev.camundahil.action;

import java.util.Map;

/**
 * What the human is asked: the question and free-form metadata the process attached to it.
 */
public record ActionContext(String question, Map<String, Object> metadata) {

	public ActionContext {
		metadata = (metadata != null) ? metadata : Map.of();
	}

}
