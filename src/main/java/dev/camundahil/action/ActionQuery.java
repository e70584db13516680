package dev.camundahil.action;

/**
 * Filters for listing actions; a null field does not filter.
 */
public record ActionQuery(ActionStatus status, String flowId, String sessionId, String nodeId, String outputType) {

	public static ActionQuery all() {
		return new ActionQuery(null, null, null, null, null);
	}

}
