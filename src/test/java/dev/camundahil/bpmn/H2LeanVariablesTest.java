package dev.camundahil.bpmn;

import dev.camundahil.support.H2Test;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;

import org.springframework.test.context.TestPropertySource;

/**
 * Lean mode on H2, chosen by the setting {@code hil.variables}; a task's {@code variables = separate} overrides it.
 */
@H2Test
@TestPropertySource(properties = "hil.variables=lean")
class H2LeanVariablesTest extends LeanVariablesContract {

	@Override
	ServiceTaskBuilder lean(ServiceTaskBuilder task) {
		return task;
	}

	@Override
	ServiceTaskBuilder separate(ServiceTaskBuilder task) {
		return task.camundaInputParameter("variables", "separate");
	}

}
