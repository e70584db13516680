package dev.camundahil.bpmn;

import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A HIL task with output parameters that reads its outcome ({@code ${hilResponse}}, {@code ${hil.response}}, a
 * field of a map answer): left without an answer — by an interrupting boundary event or event subprocess, or with
 * its instance deleted — it has no outcome to map, so it cancels its action and maps nothing; resuming with its
 * outcome, it maps as before.
 */
@PostgresTest
class UnansweredTaskOutputsTest {

	/**
	 * How a task hands over its outcome (the modes of docs/variables.md, and separate with a result variable), with
	 * output parameters that read it: {@code colour} the answer, {@code score} a field of it.
	 */
	enum Mode {

		SEPARATE, SEPARATE_WITH_RESULT_VARIABLE, LEAN;

		ServiceTaskBuilder task(String key) {
			ServiceTaskBuilder task = hilTask(key, "Colour?", "chat");
			return switch (this) {
				case SEPARATE -> task.camundaOutputParameter("colour", "${hilResponse}")
					.camundaOutputParameter("score", "${hilResponse.score}");
				case SEPARATE_WITH_RESULT_VARIABLE -> task.camundaInputParameter("resultVariable", "review")
					.camundaOutputParameter("colour", "${hilResponse}")
					.camundaOutputParameter("score", "${review.response.score}")
					.camundaOutputParameter("reviewer", "${review.respondedBy}");
				case LEAN -> task.camundaInputParameter("variables", "lean")
					.camundaOutputParameter("colour", "${hil.response}")
					.camundaOutputParameter("score", "${hil.response.score}");
			};
		}

	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	ActionService actions;

	@ParameterizedTest
	@EnumSource(Mode.class)
	void anInterruptingMessageBoundaryEventCancelsTheActionAndMapsNothing(Mode mode) {
		String key = deploy(mode.task(key("msg" + mode.ordinal()))
			.boundaryEvent("stop")
			.message("stop")
			.receiveTask("stopped")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.runtime.createMessageCorrelation("stop").processInstanceId(instance.getId()).correlate();

		assertLeftUnanswered(instance, action, "stopped");
	}

	@Test
	void anInterruptingTimerBoundaryEventCancelsTheActionAndMapsNothing() {
		String key = deploy(Mode.SEPARATE.task(key("timer")).boundaryEvent("tooSlow")
			.timerWithDuration("PT1H")
			.receiveTask("stopped")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.management.executeJob(
				this.management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getId());

		assertLeftUnanswered(instance, action, "stopped");
	}

	@Test
	void anInterruptingEventSubprocessCancelsTheActionAndMapsNothing() {
		String key = key("eventSub");
		BpmnModelInstance model = HilProcesses.waitingAfter(Mode.SEPARATE.task(key));
		model.<Process>getModelElementById(key)
			.builder()
			.eventSubProcess()
			.startEvent("stopStart")
			.interrupting(true)
			.message("stop")
			.receiveTask("stopped")
			.endEvent();
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.runtime.createMessageCorrelation("stop").processInstanceId(instance.getId()).correlate();

		assertLeftUnanswered(instance, action, "stopped");
	}

	@Test
	void deletingTheInstanceCancelsTheAction() {
		String key = deploy(HilProcesses.waitingAfter(Mode.SEPARATE.task(key("delete"))));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.runtime.deleteProcessInstance(instance.getId(), "order withdrawn");

		assertThat(this.actions.lookup(action.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("colour")
			.count()).isZero();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void anAnsweredTaskWithABoundaryEventStillMapsItsOutputs(Mode mode) {
		String key = deploy(mode.task(key("answered" + mode.ordinal()))
			.boundaryEvent("stop")
			.message("stop")
			.receiveTask("stopped")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		this.actions.respond(pendingActionOf(instance).getId(),
				ResponseCommand.of(Map.of("colour", "red", "score", 4), "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("colour", Map.of("colour", "red", "score", 4)).containsEntry("score", 4);
		if (mode == Mode.SEPARATE_WITH_RESULT_VARIABLE) {
			assertThat(variables).containsEntry("reviewer", "ann");
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void aDirectSignalWithoutAnAnswerCancelsTheActionAndMapsTheCancelledOutcome(Mode mode) {
		String key = deploy(mode.task(key("signalled" + mode.ordinal())).receiveTask("after").endEvent().done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);
		String waiting = this.runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId("ask")
			.singleResult()
			.getId();

		this.runtime.signal(waiting);

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.actions.lookup(action.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CANCELLED);
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("colour", null).containsEntry("score", null);
		if (mode == Mode.LEAN) {
			assertThat(variables).doesNotContainKeys("hilStatus", "hilResponse");
		}
		else {
			assertThat(variables).containsEntry("hilStatus", "cancelled")
				.containsEntry("hilActionId", action.getId().toString());
		}
	}

	@Test
	void expiryThatThrowsHilExpiredStillMapsTheOutcome() {
		String key = key("expiredError");
		deploy(hilTask(key, "Still there?", "chat").camundaInputParameter("onTimeout", "error")
			.camundaOutputParameter("state", "${hilStatus}")
			.camundaOutputParameter("answer", "${hilResponse}")
			.boundaryEvent("timedOut")
			.error("HIL_EXPIRED")
			.receiveTask("escalated")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		this.actions.expire(pendingActionOf(instance).getId());

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("escalated");
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("state", "expired").containsEntry("answer", null);
	}

	private void assertLeftUnanswered(ProcessInstance instance, ActionRequest action, String nowAt) {
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly(nowAt);
		assertThat(this.actions.lookup(action.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.actions.auditTrail(action.getId())).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.CANCELLED);
		assertThat(this.runtime.getVariables(instance.getId())).as("no outcome, nothing mapped")
			.doesNotContainKeys("colour", "score", "reviewer", "hilResponse", "hilStatus", "hil", "review");
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

	private ActionRequest pendingActionOf(ProcessInstance instance) {
		List<ActionRequest> found = this.actions.findByProcessInstanceId(instance.getId());
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
