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
 * it, event subprocesses, modifications, migration, suspension, asynchronous continuations, loops, and parameters
 * that are lists and maps of expressions. Every answer resumes the task it belongs to, and an action whose task is
 * gone is cancelled.
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
	void aParallelMultiInstanceTaskAsksEveryoneAndEachAnswerResumesItsOwnInstance() {
		String key = deploy(Bpmn.createExecutableProcess(key("reviewers"))
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Approve, ${approver}?")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject")
			.camundaInputParameter("resultVariable", "review_${approver}")
			.multiInstance()
			.parallel()
			.camundaCollection("${approvers}")
			.camundaElementVariable("approver")
			.multiInstanceDone()
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key,
				Variables.createVariables().putValueTyped("approvers", list("ann", "bob", "carol")));
		List<ActionRequest> asked = this.actions.findByProcessInstanceId(instance.getId());
		assertThat(asked).extracting((action) -> action.getContext().question())
			.containsExactlyInAnyOrder("Approve, ann?", "Approve, bob?", "Approve, carol?");
		assertThat(asked).extracting(ActionRequest::getExecutionId).doesNotHaveDuplicates();

		this.actions.respond(askedOf(asked, "bob").getId(), ResponseCommand.of("Reject", "bob"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask", "ask");
		assertThat(status(askedOf(asked, "ann"))).isEqualTo(ActionStatus.PENDING);
		assertThat(status(askedOf(asked, "carol"))).isEqualTo(ActionStatus.PENDING);

		this.actions.respond(askedOf(asked, "carol").getId(), ResponseCommand.of("Approve", "carol"));
		this.actions.respond(askedOf(asked, "ann").getId(), ResponseCommand.of("Approve", "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		// hilResponse is the instance's: the last answer; the result variable named per approver keeps each
		assertThat(variables).containsEntry("hilResponse", "Approve").containsEntry("hilRespondedBy", "ann");
		assertThat(variables.get("review_bob")).asInstanceOf(MAP).containsEntry("response", "Reject");
		assertThat(variables.get("review_ann")).asInstanceOf(MAP).containsEntry("response", "Approve");
		assertThat(variables.get("review_carol")).asInstanceOf(MAP).containsEntry("respondedBy", "carol");
	}

	@Test
	void aMultiInstanceTaskThatCompletesEarlyCancelsTheActionsStillWaiting() {
		String key = deploy(Bpmn.createExecutableProcess(key("firstWins"))
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Can you take it, ${approver}?")
			.camundaInputParameter("outputTypes", "chat")
			.multiInstance()
			.parallel()
			.camundaCollection("${approvers}")
			.camundaElementVariable("approver")
			.completionCondition("${nrOfCompletedInstances >= 1}")
			.multiInstanceDone()
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key,
				Variables.createVariables().putValueTyped("approvers", list("ann", "bob", "carol")));
		List<ActionRequest> asked = this.actions.findByProcessInstanceId(instance.getId());

		this.actions.respond(askedOf(asked, "bob").getId(), ResponseCommand.of("yes", "bob"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(status(askedOf(asked, "ann"))).isEqualTo(ActionStatus.CANCELLED);
		assertThat(status(askedOf(asked, "carol"))).isEqualTo(ActionStatus.CANCELLED);
	}

	@Test
	void aSequentialMultiInstanceTaskAsksOneAfterTheOther() {
		String key = deploy(Bpmn.createExecutableProcess(key("inTurn"))
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Your turn, ${approver}?")
			.camundaInputParameter("outputTypes", "chat")
			.multiInstance()
			.sequential()
			.camundaCollection("${approvers}")
			.camundaElementVariable("approver")
			.multiInstanceDone()
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key,
				Variables.createVariables().putValueTyped("approvers", list("ann", "bob")));

		ActionRequest first = pendingOf(instance);
		assertThat(first.getContext().question()).isEqualTo("Your turn, ann?");
		this.actions.respond(first.getId(), ResponseCommand.of("done", "ann"));
		ActionRequest second = pendingOf(instance);
		assertThat(second.getContext().question()).isEqualTo("Your turn, bob?");
		this.actions.respond(second.getId(), ResponseCommand.of("done too", "bob"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("done too");
	}

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
		ProcessInstance instance = this.runtime
			.startProcessInstanceByKey(deploy(HilProcesses.besideAShortPath(key("shortPath"))));
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
		ProcessInstance instance = this.runtime
			.startProcessInstanceByKey(deploy(HilProcesses.besideAShortPath(key("shortDel"))));
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

	@Test
	void aNonInterruptingTimerLeavesTheActionPendingAndTheAnswerResumesTheTask() {
		String key = deploy(HilProcesses.hilTask(key("reminder"), "Approve?", "chat")
			.boundaryEvent("nudge")
			.cancelActivity(false)
			.timerWithDuration("PT4H")
			.receiveTask("nudged")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingOf(instance);

		this.management.executeJob(
				this.management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getId());
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactlyInAnyOrder("ask", "nudged");
		assertThat(status(action)).isEqualTo(ActionStatus.PENDING);

		this.actions.respond(action.getId(), ResponseCommand.of("yes", "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactlyInAnyOrder("after", "nudged");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("yes");
	}

	@Test
	void anAnswerWhileTheInstanceIsSuspendedIsKeptAndResumesItOnceActivated() {
		String key = deploy(HilProcesses.approval(key("suspended")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingOf(instance);
		this.runtime.suspendProcessInstanceById(instance.getId());

		this.actions.respond(action.getId(), ResponseCommand.of("Approve", "ann"));

		assertThat(status(action)).isEqualTo(ActionStatus.COMPLETED);
		assertThat(this.actions.auditTrail(action.getId()))
			.filteredOn((entry) -> entry.getEvent().equals(AuditEvents.RESUME_FAILED))
			.singleElement()
			.satisfies((entry) -> assertThat(String.valueOf(entry.getData().get("error"))).contains("suspended"));
		Job resume = this.management.createJobQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(resume.isSuspended()).as("the job waits with its instance").isTrue();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		this.runtime.activateProcessInstanceById(instance.getId());

		awaitOnlyAt(instance, "after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void anAsynchronousTaskOpensItsActionFromAJobAndMovesOnFromAnother() {
		String key = deploy(HilProcesses.waitingAfter(HilProcesses.hilTask(key("async"), "Go?", "chat")
			.camundaAsyncBefore()
			.camundaAsyncAfter()));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		ActionRequest action = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.actions.findByProcessInstanceId(instance.getId()), (found) -> !found.isEmpty())
			.get(0);
		this.actions.respond(action.getId(), ResponseCommand.of("yes", "ann"));

		awaitOnlyAt(instance, "after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("yes");
	}

	@Test
	void inALoopEachPassOpensItsOwnActionAndAnAnswerWithoutACommentDropsTheEarlierOne() {
		String key = deploy(Bpmn.createExecutableProcess(key("loop"))
			.startEvent()
			.exclusiveGateway("again")
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Draft ${draft} ok?")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("expectedResponse", "${options}")
			.serviceTask("redraft")
			.camundaExpression("${execution.setVariable('draft', draft + 1)}")
			.exclusiveGateway("verdict")
			.condition("retry", "${hilResponse == 'Retry'}")
			.connectTo("again")
			.moveToNode("verdict")
			.condition("ok", "${hilResponse != 'Retry'}")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key,
				Map.of("draft", 1, "options", "OK, Retry"));

		ActionRequest first = pendingOf(instance);
		assertThat(first.getArgs()).containsEntry("expectedResponse", List.of("OK", "Retry"));
		this.actions.respond(first.getId(), new ResponseCommand("retry", "ann", null, "api", null, "too vague"));
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("too vague");

		ActionRequest second = pendingOf(instance);
		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(second.getContext().question()).isEqualTo("Draft 2 ok?");
		assertThat(second.getComment()).isNull();
		this.actions.respond(second.getId(), ResponseCommand.of("ok", "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "OK")
			.containsEntry("hilActionId", second.getId().toString())
			.doesNotContainKey("hilComment");
	}

	@Test
	void listAndMapParametersMayHoldExpressions() {
		String key = key("listsAndMaps");
		String xml = """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
				  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="start"/>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="ask"/>
				    <serviceTask id="ask" camunda:delegateExpression="${hilTask}">
				      <extensionElements>
				        <camunda:inputOutput>
				          <camunda:inputParameter name="question">Ship order ${orderId}?</camunda:inputParameter>
				          <camunda:inputParameter name="outputTypes">
				            <camunda:list><camunda:value>chat</camunda:value></camunda:list>
				          </camunda:inputParameter>
				          <camunda:inputParameter name="expectedResponse">
				            <camunda:list><camunda:value>${shipLabel}</camunda:value><camunda:value>Hold</camunda:value></camunda:list>
				          </camunda:inputParameter>
				          <camunda:inputParameter name="metadata">
				            <camunda:map>
				              <camunda:entry key="orderId">${orderId}</camunda:entry>
				              <camunda:entry key="lines">${lines}</camunda:entry>
				            </camunda:map>
				          </camunda:inputParameter>
				        </camunda:inputOutput>
				      </extensionElements>
				    </serviceTask>
				    <sequenceFlow id="f2" sourceRef="ask" targetRef="after"/>
				    <receiveTask id="after"/>
				    <sequenceFlow id="f3" sourceRef="after" targetRef="end"/>
				    <endEvent id="end"/>
				  </process>
				</definitions>
				""".formatted(key);
		this.repository.createDeployment().addString(key + ".bpmn", xml).deploy();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Variables.createVariables()
			.putValue("orderId", 42)
			.putValue("shipLabel", "Ship now")
			.putValueTyped("lines", list("bolts", "nuts")));

		ActionRequest action = pendingOf(instance);
		assertThat(action.getContext().question()).isEqualTo("Ship order 42?");
		assertThat(action.getArgs()).containsEntry("expectedResponse", List.of("Ship now", "Hold"));
		assertThat(action.getContext().metadata()).containsEntry("orderId", 42)
			.containsEntry("lines", List.of("bolts", "nuts"));

		this.actions.respond(action.getId(), ResponseCommand.of("ship NOW", "ann"));
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Ship now");
	}

	private void awaitOnlyAt(ProcessInstance instance, String activityId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.getActiveActivityIds(instance.getId()),
					(active) -> active.equals(List.of(activityId)));
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
