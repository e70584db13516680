package dev.camundahil.bpmn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.camundahil.bpmn.HilProcesses.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

/**
 * The HIL task in the BPMN patterns Camunda users build around a wait state: multi-instance, parallel paths beside
 * it, event subprocesses, modifications, suspension and loops. Every answer resumes the task it belongs to, and an
 * action whose task is gone is cancelled.
 */
@H2Test
class HilTaskPatternsTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	ActionService actions;

	@Test
	void tasksInParallelPathsResumeTheirOwnPathAndTheResultVariableKeepsEachAnswer() {
		String key = key("twoPaths");
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.startEvent()
			.parallelGateway("fork")
			.serviceTask("askLegal")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Legal ok?")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("resultVariable", "legal")
			.receiveTask("legalDone")
			.parallelGateway("join")
			.receiveTask("after")
			.endEvent()
			.moveToNode("fork")
			.serviceTask("askFinance")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Finance ok?")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("resultVariable", "finance")
			.receiveTask("financeDone")
			.connectTo("join")
			.done();
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest legal = actionAt(instance, "askLegal");
		ActionRequest finance = actionAt(instance, "askFinance");
		// each waiting path holds the state of its own action
		assertThat(state(legal.getExecutionId())).containsEntry("pendingActionId", legal.getId().toString());
		assertThat(state(finance.getExecutionId())).containsEntry("pendingActionId", finance.getId().toString());

		this.actions.respond(finance.getId(), new ResponseCommand("Yes", "fay", null, "api", null, "within budget"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactlyInAnyOrder("askLegal",
				"financeDone");
		assertThat(state(legal.getExecutionId())).as("the other path still waits")
			.containsEntry("pendingActionId", legal.getId().toString());

		this.actions.respond(legal.getId(), ResponseCommand.of("No", "lee"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactlyInAnyOrder("legalDone",
				"financeDone");
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		// the hil* variables are the instance's and tell of the last answer, its comment gone with it
		assertThat(variables).containsEntry("hilResponse", "No")
			.containsEntry("hilRespondedBy", "lee")
			.doesNotContainKeys("hilComment", "hilState");
		assertThat(variables.get("finance")).asInstanceOf(MAP)
			.containsEntry("response", "Yes")
			.containsEntry("comment", "within budget");
		assertThat(variables.get("legal")).asInstanceOf(MAP).containsEntry("response", "No");
	}

	@Test
	void aPathEndingBesideTheTaskLeavesItAnswerable() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(deploy(HilProcesses.besideAShortPath(key("shortPath"))));
		ActionRequest waiting = actionAt(instance, "ask");

		// the short path ends: the engine hands the task's wait to the instance's own execution
		this.actions.respond(actionAt(instance, "askShort").getId(), ResponseCommand.of("done", "ann"));
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		this.actions.respond(waiting.getId(), ResponseCommand.of("done", "bob"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("bob");
		assertThat(this.actions.find(waiting.getId()).getExecutionId()).isEqualTo(instance.getId());
	}

	@Test
	void aPathEndingBesideTheTaskThenDeletingTheInstanceCancelsTheAction() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(deploy(HilProcesses.besideAShortPath(key("shortDel"))));
		ActionRequest waiting = actionAt(instance, "ask");
		this.actions.respond(actionAt(instance, "askShort").getId(), ResponseCommand.of("done", "ann"));

		this.runtime.deleteProcessInstance(instance.getId(), "withdrawn");

		assertThat(status(waiting)).isEqualTo(ActionStatus.CANCELLED);
	}

	@Test
	void aNonInterruptingEventSubprocessBesideTheTaskLeavesItAnswerable() {
		String key = key("notice");
		BpmnModelInstance model = HilProcesses.approval(key);
		model.<Process>getModelElementById(key)
			.builder()
			.eventSubProcess()
			.startEvent("noticeStart")
			.interrupting(false)
			.message("notice")
			.receiveTask("noticed")
			.endEvent();
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingOf(instance);

		// the event subprocess starts beside the task: the engine moves the task's wait to a new execution
		this.runtime.createMessageCorrelation("notice").processInstanceId(instance.getId()).correlate();
		this.actions.respond(action.getId(), ResponseCommand.of("Approve", "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactlyInAnyOrder("after", "noticed");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
	}

	@Test
	void aTokenStartedBesideTheTaskLeavesItAnswerableAndCancellingTheTaskCancelsTheAction() {
		String key = deploy(HilProcesses.approval(key("modified")));
		ProcessInstance started = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest answered = pendingOf(started);
		ProcessInstance cancelled = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 2));
		ActionRequest left = pendingOf(cancelled);

		this.runtime.createProcessInstanceModification(started.getId()).startBeforeActivity("after").execute();
		this.actions.respond(answered.getId(), ResponseCommand.of("Approve", "ann"));
		this.runtime.createProcessInstanceModification(cancelled.getId())
			.cancelAllForActivity("ask")
			.startBeforeActivity("after")
			.execute();

		assertThat(this.runtime.getActiveActivityIds(started.getId())).containsExactly("after", "after");
		assertThat(status(left)).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.runtime.getActiveActivityIds(cancelled.getId())).containsExactly("after");
	}

	@Test
	void anInstanceWaitingInTheTaskMigratesToANewVersionAndTheAnswerResumesIt() {
		String key = deploy(HilProcesses.approval(key("migrated")));
		ProcessInstance answered = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ProcessInstance timedOut = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 2));
		// the new version gives the task a deadline of the process's own: the task becomes a scope of its own
		deploy(HilProcesses.hilTask(key, "Approve order ${orderId}?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject")
			.boundaryEvent("tooLate")
			.timerWithDuration("PT1H")
			.receiveTask("late")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		String newVersion = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getId();

		this.runtime
			.newMigration(this.runtime.createMigrationPlan(answered.getProcessDefinitionId(), newVersion)
				.mapEqualActivities()
				.build())
			.processInstanceIds(answered.getId(), timedOut.getId())
			.execute();

		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionId(newVersion).count()).isEqualTo(2);
		this.actions.respond(pendingOf(answered).getId(), ResponseCommand.of("Approve", "ann"));
		assertThat(this.runtime.getActiveActivityIds(answered.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(answered.getId(), "hilResponse")).isEqualTo("Approve");
		ActionRequest left = pendingOf(timedOut);
		this.management.executeJob(
				this.management.createJobQuery().processInstanceId(timedOut.getId()).timers().singleResult().getId());
		assertThat(this.runtime.getActiveActivityIds(timedOut.getId())).containsExactly("late");
		assertThat(status(left)).isEqualTo(ActionStatus.CANCELLED);
	}

	@Test
	void aWaitingTaskMigratesOnlyToAHilTask() {
		String key = deploy(HilProcesses.approval(key("notMigrated")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		deploy(Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${noHilTask}")
			.receiveTask("after")
			.endEvent()
			.done());
		String newVersion = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getId();
		var migration = this.runtime.newMigration(this.runtime
			.createMigrationPlan(instance.getProcessDefinitionId(), newVersion)
			.mapActivities("ask", "ask")
			.mapActivities("after", "after")
			.build()).processInstanceIds(instance.getId());

		assertThatThrownBy(migration::execute).hasMessageContaining("migrates only to a HIL task");
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getProcessDefinitionId()).isEqualTo(instance.getProcessDefinitionId());
	}

	private static ObjectValue list(String... items) {
		return Variables.objectValue(List.of(items)).serializationDataFormat(SerializationDataFormats.JSON).create();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> state(String executionId) {
		return (Map<String, Object>) this.runtime.getVariableLocal(executionId, "hilState");
	}

	private static ActionRequest askedOf(List<ActionRequest> asked, String approver) {
		return asked.stream()
			.filter((action) -> action.getContext().question().contains(approver))
			.findFirst()
			.orElseThrow();
	}

	private ActionRequest actionAt(ProcessInstance instance, String nodeId) {
		return this.actions.findByProcessInstanceId(instance.getId())
			.stream()
			.filter((action) -> action.getNodeId().equals(nodeId))
			.reduce((first, later) -> later)
			.orElseThrow();
	}

	private ActionRequest pendingOf(ProcessInstance instance) {
		List<ActionRequest> pending = this.actions.findByProcessInstanceId(instance.getId())
			.stream()
			.filter(ActionRequest::isPending)
			.toList();
		assertThat(pending).hasSize(1);
		return pending.get(0);
	}

	private ActionStatus status(ActionRequest action) {
		return this.actions.find(action.getId()).getStatus();
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

}
