package dev.camundahil.bpmn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * The input parameters of a HIL task, as its behaviour reads them.
 * <p>
 * Camunda turns every activity with an input/output mapping into a scope: entering it creates a child execution and
 * writes each parameter as a local variable, in runtime and history, only for the engine to delete them all again
 * when the task ends. A HIL task reads its parameters once, when it opens its action, so for a task without output
 * parameters the mapping is taken off the activity at deployment and the parameters are evaluated right here
 * against the waiting execution: the same expressions, the same values, none of those writes. A task that maps
 * outputs keeps Camunda's own mapping, and its parameters are then its execution's local variables.
 */
final class HilTaskInputs {

	private static final String PROPERTY = "hilTaskInputs";

	private HilTaskInputs() {
	}

	/**
	 * Takes a deployed HIL task's input parameters off Camunda's mapping, unless it maps outputs. The task stays a
	 * scope where something else needs one (a boundary event).
	 */
	static void takeOver(ActivityImpl activity) {
		IoMapping mapping = activity.getIoMapping();
		if (mapping == null || (mapping.getOutputParameters() != null && !mapping.getOutputParameters().isEmpty())) {
			return;
		}
		activity.setProperty(PROPERTY, List.copyOf(mapping.getInputParameters()));
		activity.setIoMapping(null);
		if (activity.getEventActivities().isEmpty()) {
			activity.setScope(false);
		}
	}

	/** Every input parameter of the task, evaluated for this execution. */
	static Map<String, Object> evaluate(ActivityExecution execution) {
		List<InputParameter> inputs = takenOver(execution);
		if (inputs == null) {
			return execution.getVariablesLocal();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (InputParameter input : inputs) {
			values.put(input.getName(), input.getValueProvider().getValue((VariableScope) execution));
		}
		return values;
	}

	/** One input parameter, evaluated for this execution; null when the task does not declare it. */
	static Object value(ActivityExecution execution, String name) {
		List<InputParameter> inputs = takenOver(execution);
		if (inputs == null) {
			return execution.getVariableLocal(name);
		}
		for (InputParameter input : inputs) {
			if (input.getName().equals(name)) {
				return input.getValueProvider().getValue((VariableScope) execution);
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static List<InputParameter> takenOver(ActivityExecution execution) {
		PvmActivity activity = execution.getActivity();
		return (activity != null) ? (List<InputParameter>) activity.getProperty(PROPERTY) : null;
	}

}
