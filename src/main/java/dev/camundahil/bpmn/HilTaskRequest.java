package dev.camundahil.bpmn;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.camundahil.action.ApprovalRule;
import dev.camundahil.action.ArgumentList;
import dev.camundahil.action.EscalationLevel;
import dev.camundahil.action.NewAction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

import static dev.camundahil.bpmn.HilTaskParameters.ALLOW_DELEGATION;
import static dev.camundahil.bpmn.HilTaskParameters.APPROVAL;
import static dev.camundahil.bpmn.HilTaskParameters.APPROVERS;
import static dev.camundahil.bpmn.HilTaskParameters.ATTACHMENTS;
import static dev.camundahil.bpmn.HilTaskParameters.BCC;
import static dev.camundahil.bpmn.HilTaskParameters.BODY_HTML;
import static dev.camundahil.bpmn.HilTaskParameters.BODY_TEXT;
import static dev.camundahil.bpmn.HilTaskParameters.CC;
import static dev.camundahil.bpmn.HilTaskParameters.CHANNEL;
import static dev.camundahil.bpmn.HilTaskParameters.DEFAULT_RESPONSE;
import static dev.camundahil.bpmn.HilTaskParameters.ESCALATION;
import static dev.camundahil.bpmn.HilTaskParameters.EXPECTED_RESPONSE;
import static dev.camundahil.bpmn.HilTaskParameters.MESSAGE;
import static dev.camundahil.bpmn.HilTaskParameters.METADATA;
import static dev.camundahil.bpmn.HilTaskParameters.ON_TIMEOUT;
import static dev.camundahil.bpmn.HilTaskParameters.OUTPUT_TYPES;
import static dev.camundahil.bpmn.HilTaskParameters.QUESTION;
import static dev.camundahil.bpmn.HilTaskParameters.REMINDER;
import static dev.camundahil.bpmn.HilTaskParameters.SESSION_ID;
import static dev.camundahil.bpmn.HilTaskParameters.SUBJECT;
import static dev.camundahil.bpmn.HilTaskParameters.TIMEOUT;
import static dev.camundahil.bpmn.HilTaskParameters.TO;

/**
 * Turns the input parameters of a HIL task, as evaluated for one execution, into the action to open. The
 * {@code args} are shaped per output type as the schema document lays them out.
 */
final class HilTaskRequest {

	private HilTaskRequest() {
	}

	static NewAction from(ActivityExecution execution, Duration defaultTimeout, Instant now) {
		Map<String, Object> parameters = HilTaskInputs.evaluate(execution);
		String where = where(execution);
		try {
			Object question = parameters.get(QUESTION);
			if (question == null || String.valueOf(question).isBlank()) {
				throw new IllegalArgumentException("'" + QUESTION + "' is required");
			}
			List<String> outputTypes = HilTaskParameters.outputTypes(parameters.get(OUTPUT_TYPES));
			Object timeout = parameters.get(TIMEOUT);
			Duration wait = (timeout != null && !String.valueOf(timeout).isBlank())
					? HilTaskParameters.duration(TIMEOUT, timeout) : defaultTimeout;
			HilTaskParameters.OnTimeout onTimeout = HilTaskParameters.onTimeout(parameters.get(ON_TIMEOUT));
			Map<String, Object> args = args(parameters, outputTypes);
			if (onTimeout == HilTaskParameters.OnTimeout.DEFAULT) {
				// the action decides at its deadline, in the expiry sweep, so it carries its default decision
				args.put(ON_TIMEOUT, "default");
				args.put(DEFAULT_RESPONSE, HilTaskParameters.defaultResponse(parameters.get(DEFAULT_RESPONSE),
						ArgumentList.of(parameters.get(EXPECTED_RESPONSE))));
			}
			Optional<ApprovalRule> approval = ApprovalRule.parse(parameters.get(APPROVAL));
			if (approval.isPresent()) {
				List<String> approvers = HilTaskParameters.approvers(parameters.get(APPROVERS),
						outputTypes.contains("email") ? parameters.get(TO) : null,
						outputTypes.contains("email") ? parameters.get(CC) : null);
				args.put(APPROVAL, approval.get().checkedFor(approvers).toString());
				args.put(APPROVERS, approvers);
			}
			List<EscalationLevel> escalation = EscalationLevel.parse(parameters.get(ESCALATION));
			if (!escalation.isEmpty()) {
				args.put(ESCALATION, escalation.stream().map(EscalationLevel::asArg).toList());
			}
			return new NewAction(processKey(execution), sessionId(execution, parameters),
					execution.getCurrentActivityId(), outputTypes, String.valueOf(question),
					HilTaskParameters.map(METADATA, parameters.get(METADATA)), args,
					execution.getProcessInstanceId(), execution.getId(), now.plus(wait),
					HilTaskParameters.locale(parameters.get(HilTaskParameters.LOCALE)),
					HilTaskParameters.timeZone(parameters.get(HilTaskParameters.TIME_ZONE)),
					execution.getActivityInstanceId());
		}
		catch (IllegalArgumentException ex) {
			throw new HilTaskConfigurationException(where + ex.getMessage(), ex);
		}
	}

	/** How a failure names the task it happened in, ending in a colon and a space. */
	static String where(ActivityExecution execution) {
		return "HIL task '" + execution.getCurrentActivityId() + "' of process '" + processKey(execution) + "': ";
	}

	private static Map<String, Object> args(Map<String, Object> parameters, List<String> outputTypes) {
		Map<String, Object> args = new LinkedHashMap<>();
		List<String> expected = ArgumentList.of(parameters.get(EXPECTED_RESPONSE));
		if (!expected.isEmpty()) {
			args.put(EXPECTED_RESPONSE, expected);
		}
		putText(args, parameters, MESSAGE);
		if (outputTypes.contains("email")) {
			putList(args, parameters, TO);
			putList(args, parameters, CC);
			putList(args, parameters, BCC);
			putText(args, parameters, SUBJECT);
			putText(args, parameters, BODY_HTML);
			putText(args, parameters, BODY_TEXT);
			putList(args, parameters, ATTACHMENTS);
			if (parameters.get(ALLOW_DELEGATION) != null) {
				args.put(ALLOW_DELEGATION, HilTaskParameters.flag(ALLOW_DELEGATION, parameters.get(ALLOW_DELEGATION)));
			}
		}
		if (parameters.get(REMINDER) != null) {
			args.put(REMINDER, ArgumentList.of(parameters.get(REMINDER)));
		}
		if (outputTypes.contains("custom")) {
			putText(args, parameters, CHANNEL);
			parameters.forEach((name, value) -> {
				if (!HilTaskParameters.KNOWN.contains(name)) {
					args.put(name, value);
				}
			});
		}
		return args;
	}

	private static void putText(Map<String, Object> args, Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		if (value != null && !String.valueOf(value).isBlank()) {
			args.put(name, String.valueOf(value));
		}
	}

	private static void putList(Map<String, Object> args, Map<String, Object> parameters, String name) {
		List<String> values = ArgumentList.of(parameters.get(name));
		if (!values.isEmpty()) {
			args.put(name, values);
		}
	}

	private static String sessionId(DelegateExecution execution, Map<String, Object> parameters) {
		Object sessionId = parameters.get(SESSION_ID);
		if (sessionId != null && !String.valueOf(sessionId).isBlank()) {
			return String.valueOf(sessionId);
		}
		String businessKey = execution.getProcessBusinessKey();
		return (businessKey != null && !businessKey.isBlank()) ? businessKey : execution.getProcessInstanceId();
	}

	static String processKey(DelegateExecution execution) {
		return ((ExecutionEntity) execution).getProcessDefinition().getKey();
	}

}
