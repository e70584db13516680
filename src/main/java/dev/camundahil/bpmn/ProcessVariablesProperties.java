package dev.camundahil.bpmn;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How HIL tasks hand their outcome to the process, directly under the {@code hil} prefix.
 */
@ConfigurationProperties(prefix = ProcessVariablesProperties.PREFIX)
public class ProcessVariablesProperties {

	public static final String PREFIX = "hil";

	/**
	 * How a HIL task hands its outcome to the process when the task's own 'variables' parameter says nothing:
	 * 'separate' (hilState while waiting, then hilActionId, hilStatus, hilResponse, hilRespondedBy) or 'lean' (no
	 * variable while waiting, then one JSON variable, 'hil' or the task's resultVariable).
	 */
	private VariablesMode variables = VariablesMode.SEPARATE;

	public VariablesMode getVariables() {
		return this.variables;
	}

	public void setVariables(VariablesMode variables) {
		this.variables = variables;
	}

}
