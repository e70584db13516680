package dev.camundahil.bpmn;

import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;

/**
 * Lean mode on PostgreSQL, chosen by the task's {@code variables} parameter where the setting keeps the default.
 */
@PostgresTest
class PostgresLeanVariablesTest extends LeanVariablesContract {

	@Override
	ServiceTaskBuilder lean(ServiceTaskBuilder task) {
		return task.camundaInputParameter("variables", "lean");
	}

	@Override
	ServiceTaskBuilder separate(ServiceTaskBuilder task) {
		return task;
	}

}
