package dev.camundahil.bpmn;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The bean {@code hilState}, which expressions reach when no variable of that name exists: a task waiting in lean
 * mode writes none, so {@code ${hilState.pendingActionId}} is read from the action the current execution waits on.
 * A {@code hilState} variable (separate mode) is found first and wins. Outside an execution, or with no pending
 * action, every property is null.
 */
public class WaitingStateBean {

	private final ActionService actions;

	WaitingStateBean(ActionService actions) {
		this.actions = actions;
	}

	public String getPendingActionId() {
		return state().map((state) -> (String) state.get("pendingActionId")).orElse(null);
	}

	@SuppressWarnings("unchecked")
	public List<String> getOutputTypes() {
		return state().map((state) -> (List<String>) state.get("outputTypes")).orElse(null);
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> getArgs() {
		return state().map((state) -> (Map<String, Object>) state.get("args")).orElse(null);
	}

	private Optional<HilState> state() {
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		ExecutionEntity execution = (context != null) ? context.getExecution() : null;
		if (execution == null) {
			return Optional.empty();
		}
		Optional<ActionRequest> action = this.actions.findPendingOf(execution.getId(),
				execution.getProcessInstanceId());
		return action.map(HilState::of);
	}

}
