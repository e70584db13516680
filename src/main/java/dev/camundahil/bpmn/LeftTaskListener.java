package dev.camundahil.bpmn;

import dev.camundahil.action.ActionService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Cancels the action of a HIL task that the engine leaves without a response: an interrupting boundary event or
 * event subprocess, a modification that cancels the task, a cancelled or deleted instance. Registered as a built-in
 * listener, so it runs even when custom listeners are skipped.
 */
class LeftTaskListener implements ExecutionListener {

	private final ActionService actions;

	LeftTaskListener(ActionService actions) {
		this.actions = actions;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (!execution.isCanceled()) {
			return; // left normally, after its action ended
		}
		String reason = (execution.getProcessInstance().isCanceled()) ? "process instance cancelled"
				: "task left without a response";
		this.actions.cancelForLeftExecution(execution.getId(), execution.getActivityInstanceId(), reason);
	}

}
