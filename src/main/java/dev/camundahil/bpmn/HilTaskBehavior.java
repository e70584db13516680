package dev.camundahil.bpmn;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.NewAction;
import dev.camundahil.action.Timestamps;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnExceptionHandler;
import org.camunda.bpm.engine.impl.bpmn.behavior.TaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

/**
 * The {@code hilTask} bean: a wait state. Entering it opens an action and waits; a signal carrying the action's
 * {@link HilOutcome} writes the result variables and leaves (or throws {@code HIL_EXPIRED} when the task says
 * {@code onTimeout = error}).
 */
class HilTaskBehavior extends TaskActivityBehavior {

	private final ActionService actions;

	private final Duration defaultTimeout;

	private final VariablesMode defaultMode;

	HilTaskBehavior(ActionService actions, Duration defaultTimeout, VariablesMode defaultMode) {
		this.actions = actions;
		this.defaultTimeout = defaultTimeout;
		this.defaultMode = defaultMode;
	}

	@Override
	public void performExecution(ActivityExecution execution) {
		NewAction request = HilTaskRequest.from(execution, this.defaultTimeout, Timestamps.now());
		ActionRequest action;
		try {
			action = this.actions.create(request);
		}
		catch (IllegalArgumentException ex) {
			// a feature refused the task's arguments while the action opened (a channel, its reminders)
			throw new HilTaskConfigurationException(HilTaskRequest.where(execution) + ex.getMessage(), ex);
		}
		if (mode(execution) == VariablesMode.SEPARATE) {
			HilVariables.writeState(execution, action);
		}
	}

	@Override
	public void signal(ActivityExecution execution, String signalName, Object signalData) throws Exception {
		if (!(signalData instanceof HilOutcome outcome)) {
			if ("compensationDone".equals(signalName)) {
				super.signal(execution, signalName, signalData);
				return;
			}
			// Someone signalled the execution directly, without an answer: the action cannot be answered any more.
			List<UUID> cancelled = this.actions.cancelForLeftExecution(execution.getId(),
					execution.getActivityInstanceId(), "execution signalled without a response");
			// the whole outcome, as a cancellation over the API writes it, so that output parameters find it
			writeOutcome(execution, new HilOutcome(cancelled.isEmpty() ? null : cancelled.get(0),
					ActionStatus.CANCELLED, null, null), mode(execution));
			leave(execution);
			return;
		}
		writeOutcome(execution, outcome, mode(execution));
		if (outcome.status() == ActionStatus.EXPIRED && HilTaskParameters.onTimeout(
				HilTaskInputs.value(execution, HilTaskParameters.ON_TIMEOUT)) == HilTaskParameters.OnTimeout.ERROR) {
			HilTaskOutputs.resumedBeforeError(execution);
			BpmnExceptionHandler.propagateBpmnError(new BpmnError(HilVariables.EXPIRED_ERROR_CODE,
					"No response to action " + outcome.actionId() + " before it expired"), execution);
			return;
		}
		leave(execution);
	}

	private static void writeOutcome(ActivityExecution execution, HilOutcome outcome, VariablesMode mode) {
		Object resultVariable = HilTaskInputs.value(execution, HilTaskParameters.RESULT_VARIABLE);
		HilVariables.writeOutcome(execution, outcome, (resultVariable != null) ? resultVariable.toString() : null,
				mode);
	}

	private VariablesMode mode(ActivityExecution execution) {
		return HilTaskParameters.variables(HilTaskInputs.value(execution, HilTaskParameters.VARIABLES),
				this.defaultMode);
	}

}
