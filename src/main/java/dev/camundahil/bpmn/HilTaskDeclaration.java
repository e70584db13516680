package dev.camundahil.bpmn;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HIL task as declared in a BPMN file, read at deployment: its input parameters, literal where the model gives a
 * literal, unknown where it gives an expression or a script (those are only known when the task runs).
 *
 * @param processKey the id of the process the task is in
 * @param activityId the task's id
 * @param parameters each input parameter's literal value: text, a list of texts, or a map of texts; absent for
 * parameters whose value is an expression or a script
 * @param declared the names of all input parameters, literal or not
 */
public record HilTaskDeclaration(String processKey, String activityId, Map<String, Object> parameters,
		List<String> declared) {

	public boolean isDeclared(String name) {
		return this.declared.contains(name);
	}

	/** The literal value of a parameter, when it has one. */
	public Optional<Object> literal(String name) {
		return Optional.ofNullable(this.parameters.get(name));
	}

	/** A message that names the process and the task, for deployment errors. */
	public String describe(String problem) {
		return "HIL task '" + this.activityId + "' in process '" + this.processKey + "': " + problem;
	}

}
