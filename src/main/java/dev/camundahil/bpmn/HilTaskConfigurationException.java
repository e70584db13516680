package dev.camundahil.bpmn;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A HIL task is configured in a way it cannot run, such as an unknown output type; the message names the
 * process, the activity and the parameter.
 */
public class HilTaskConfigurationException extends ProcessEngineException {

	public HilTaskConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
