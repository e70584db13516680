package dev.camundahil.bpmn;

import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the execution that waits for an action. A HIL task that is no scope of its own waits in the execution that
 * reached it, and the engine hands it to another execution when parallel paths beside it end (the last path left is
 * taken over by its parent) or begin (a non-interrupting event subprocess, a token started beside it by a
 * modification): the execution the action opened in is then gone, or has moved off the task, while the task's
 * activity instance lives on in the other one. The action keeps its activity instance and follows it there.
 */
final class WaitingExecution {

	private static final Logger log = LoggerFactory.getLogger(WaitingExecution.class);

	private WaitingExecution() {
	}

	/**
	 * The execution that waits in the action's task: the one the action names while it is still at the task, or
	 * else the one holding the action's activity instance now, which the action is then pointed at; null when no
	 * execution waits in the task any more.
	 * @param knownActivityInstanceId the action's activity instance, or null to read it from the action when needed
	 */
	static ExecutionEntity of(CommandContext context, ActionService actions, UUID actionId, String executionId,
			String processInstanceId, String nodeId, String knownActivityInstanceId) {
		ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
		if (execution != null && nodeId.equals(execution.getActivityId()) && (knownActivityInstanceId == null
				|| knownActivityInstanceId.equals(execution.getActivityInstanceId()))) {
			return execution;
		}
		String activityInstanceId = (knownActivityInstanceId != null) ? knownActivityInstanceId
				: actions.lookup(actionId).map(ActionRequest::getActivityInstanceId).orElse(null);
		if (activityInstanceId == null || processInstanceId == null) {
			return null; // opened before actions kept their activity instance
		}
		ExecutionEntity now = context.getExecutionManager()
			.findExecutionsByProcessInstanceId(processInstanceId)
			.stream()
			.filter((candidate) -> activityInstanceId.equals(candidate.getActivityInstanceId())
					&& nodeId.equals(candidate.getActivityId()))
			.findFirst()
			.orElse(null);
		if (now != null) {
			actions.moveToExecution(actionId, now.getId());
			log.debug("Action {}: its task moved from execution {} to {}", actionId, executionId, now.getId());
		}
		return now;
	}

}
