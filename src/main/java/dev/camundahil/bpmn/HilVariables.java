package dev.camundahil.bpmn;

import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionRequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.ObjectValueImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The process variables of a HIL task: {@code hilState} while it waits, and the outcome once it resumes, as
 * {@link VariablesMode} says. Maps and lists are stored as JSON by the plugin's own {@link HilValueSerializer}, so
 * they stay readable in Cockpit and in expressions such as {@code ${hilState.pendingActionId}} on an engine without a
 * JSON data format of its own.
 */
public final class HilVariables {

	/** While waiting: {pendingActionId, outputTypes, args}. */
	public static final String STATE = "hilState";

	public static final String ACTION_ID = "hilActionId";

	/** completed, expired or cancelled. */
	public static final String STATUS = "hilStatus";

	/** The response value, any JSON value. */
	public static final String RESPONSE = "hilResponse";

	public static final String RESPONDED_BY = "hilRespondedBy";

	/** What the person said beside the answer; only set when they said something. */
	public static final String COMMENT = "hilComment";

	/** Whether the action took its default decision at its deadline; only for tasks with {@code onTimeout = default}. */
	public static final String DEFAULTED = "hilDefaulted";

	/** Whether the votes of several approvers reached a decision; only for tasks with {@code approval} all or quorum. */
	public static final String DECIDED = "hilDecided";

	/** The votes of several approvers, a JSON list of {by, value, at, channel}. */
	public static final String VOTES = "hilVotes";

	/** The BPMN error code thrown on expiry when the task says {@code onTimeout = error}. */
	public static final String EXPIRED_ERROR_CODE = "HIL_EXPIRED";

	/** The longest text written as a plain text variable: what Camunda's text columns hold on every database. */
	static final int MAX_PLAIN_TEXT = 2000;

	private HilVariables() {
	}

	/**
	 * Writes {@code hilState} where the instance's variables go, or, for a task waiting in one of several parallel
	 * paths (or in one instance of a parallel multi-instance task), into the execution it waits in: one variable of
	 * the instance would show only the action opened last, and be removed as soon as any of them resumed.
	 */
	static void writeState(ActivityExecution execution, ActionRequest action) {
		if (inParallelPath(execution)) {
			execution.setVariableLocal(STATE, json(HilState.of(action)));
		}
		else {
			execution.setVariable(STATE, json(HilState.of(action)));
		}
	}

	/** Whether the execution is one of several parallel paths, or the scope of a task (or subprocess) in one. */
	private static boolean inParallelPath(ActivityExecution execution) {
		return execution.isConcurrent()
				|| execution.isScope() && execution.getParent() != null && execution.getParent().isConcurrent();
	}

	/**
	 * Writes how the action ended. In lean mode that is one JSON variable; a task that began waiting in separate
	 * mode (the setting changed meanwhile) still loses its {@code hilState}.
	 */
	static void writeOutcome(DelegateExecution execution, HilOutcome outcome, String resultVariable,
			VariablesMode mode) {
		execution.removeVariable(STATE);
		boolean named = resultVariable != null && !resultVariable.isBlank();
		if (mode == VariablesMode.LEAN) {
			execution.setVariable(named ? resultVariable : VariablesMode.DEFAULT_LEAN_VARIABLE,
					json(HilResult.of(outcome.asMap())));
			return;
		}
		execution.setVariable(ACTION_ID, (outcome.actionId() != null) ? outcome.actionId().toString() : null);
		execution.setVariable(STATUS, outcome.status().value());
		execution.setVariable(RESPONSE, typed(outcome.response()));
		execution.setVariable(RESPONDED_BY, typed(outcome.respondedBy()));
		// written only with a comment, so an answer without one costs no variable; an earlier task's is removed
		if (outcome.comment() != null) {
			execution.setVariable(COMMENT, typed(outcome.comment()));
		}
		else {
			execution.removeVariable(COMMENT);
		}
		if (outcome.defaulted() != null) {
			execution.setVariable(DEFAULTED, outcome.defaulted());
		}
		if (outcome.votes() != null) {
			execution.setVariable(DECIDED, outcome.decided());
			execution.setVariable(VOTES, typed(outcome.votes()));
		}
		if (named) {
			execution.setVariable(resultVariable, json(HilResult.of(outcome.asMap())));
		}
	}

	/**
	 * A JSON value as the engine's nearest type: text, number, boolean, null, or JSON for objects and arrays. Text
	 * longer than {@value #MAX_PLAIN_TEXT} characters, which the engine's text columns may not hold (a free-text
	 * answer or comment), is written as a JSON string that reads back as the same {@link String}.
	 */
	static Object typed(Object value) {
		if (value instanceof String text && text.length() > MAX_PLAIN_TEXT) {
			return new ObjectValueImpl(text, null, SerializationDataFormats.JSON.getName(),
					HilValueSerializer.TEXT_TYPE, true);
		}
		if (value instanceof Map<?, ?> map) {
			return json(HilJsonObject.of(map));
		}
		if (value instanceof List<?> list) {
			return json(HilJsonArray.of(list));
		}
		return value;
	}

	private static TypedValue json(Object value) {
		return Variables.objectValue(value).serializationDataFormat(SerializationDataFormats.JSON).create();
	}

}
