package dev.camundahil.bpmn;

import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HIL task in lean mode through the whole contract: no variable while it waits, one JSON variable when it
 * resumes, expressions on both, and every way an action ends. Subclasses say how a task is put in lean mode (the
 * setting or the task's parameter) and run it on a database.
 */
abstract class LeanVariablesContract {

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

	@Autowired
	JdbcTemplate jdbc;

	/** The task, put in lean mode. */
	abstract ServiceTaskBuilder lean(ServiceTaskBuilder task);

	/** The task, put in separate mode. */
	abstract ServiceTaskBuilder separate(ServiceTaskBuilder task);

	@Test
	void waitingWritesNoVariableAndAnAnswerResumesWithOneJsonVariable() {
		String key = deploy(routed(lean(HilProcesses.hilTask(key("leanAnswer"), "Approve order ${orderId}?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject"))));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, "order-9", Map.of("orderId", 9));
		ActionRequest action = pendingActionOf(instance);

		assertThat(runtimeVariables(instance)).containsExactly("orderId");

		this.actions.respond(action.getId(), ResponseCommand.of("approve", "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("approved");
		assertThat(runtimeVariables(instance)).containsExactlyInAnyOrder("orderId", "hil");
		assertThat(hil(instance)).containsEntry("actionId", action.getId().toString())
			.containsEntry("status", "completed")
			.containsEntry("response", "Approve")
			.containsEntry("respondedBy", "ann");
		// the JSON sits in the variable's own row: no byte-array rows in runtime or history
		Map<String, Object> row = this.jdbc.queryForMap("SELECT type_ AS serializer, text_, bytearray_id_ "
				+ "FROM act_ru_variable WHERE proc_inst_id_ = ? AND name_ = 'hil'", instance.getId());
		assertThat(row.get("serializer")).isEqualTo("hil-result");
		assertThat(row.get("bytearray_id_")).isNull();
		assertThat((String) row.get("text_")).contains("\"respondedBy\":\"ann\"");
	}

	@Test
	void expressionsReadTheWaitingStateFromTheAction() {
		String key = key("leanState");
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.startEvent()
			.parallelGateway("fork")
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Go?")
			.camundaInputParameter("outputTypes", "chat")
			.receiveTask("after")
			.endEvent()
			.moveToNode("fork")
			.receiveTask("peek")
			.serviceTask("read")
			.camundaExpression("${execution.setVariable('seen', hilState.pendingActionId)}")
			.receiveTask("done")
			.endEvent()
			.done();
		lean(model.<ServiceTask>getModelElementById("ask").builder());
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		Execution peek = this.runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId("peek")
			.singleResult();
		this.runtime.signal(peek.getId());

		assertThat(this.runtime.getVariable(instance.getId(), "seen")).isEqualTo(action.getId().toString());
		assertThat(runtimeVariables(instance)).containsExactly("seen");
	}

	@Test
	void expiryContinuesWithStatusExpired() {
		String key = deploy(routed(lean(HilProcesses.hilTask(key("leanExpire"), "Still there?", "chat"))));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.actions.expire(action.getId());

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("late");
		assertThat(hil(instance)).containsEntry("status", "expired").containsEntry("response", null);
	}

	@Test
	void expiryThrowsHilExpiredWhenTheTaskSaysError() {
		String key = key("leanExpireError");
		ServiceTaskBuilder task = lean(HilProcesses.hilTask(key, "Still there?", "chat")
			.camundaInputParameter("onTimeout", "error"));
		BpmnModelInstance model = task.boundaryEvent("timedOut")
			.error("HIL_EXPIRED")
			.receiveTask("escalated")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done();
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		this.actions.expire(pendingActionOf(instance).getId());

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("escalated");
		assertThat(hil(instance)).containsEntry("status", "expired");
	}

	@Test
	void cancellingResumesWithStatusCancelled() {
		String key = deploy(routed(lean(HilProcesses.hilTask(key("leanCancel"), "Approve?", "chat"))));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.actions.cancel(action.getId(), "withdrawn", "clerk");

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("other");
		assertThat(hil(instance)).containsEntry("status", "cancelled")
			.containsEntry("actionId", action.getId().toString())
			.containsEntry("response", null);
	}

	@Test
	void anInterruptingBoundaryEventCancelsTheActionAndWritesNothing() {
		String key = key("leanBoundary");
		BpmnModelInstance model = lean(HilProcesses.hilTask(key, "Approve?", "chat")).boundaryEvent("tooSlow")
			.timerWithDuration("PT1H")
			.receiveTask("reminded")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done();
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.management.executeJob(
				this.management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("reminded");
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(runtimeVariables(instance)).isEmpty();
	}

	@Test
	void aNamedResultVariableHoldsTheOutcomeAndHistoryKeepsOnlyIt() {
		String key = deploy(lean(HilProcesses.hilTask(key("leanHistory"), "OK?", "chat")
			.camundaInputParameter("resultVariable", "review")).endEvent().done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		this.actions.respond(pendingActionOf(instance).getId(), ResponseCommand.of(Map.of("score", 4), "bob"));

		List<HistoricVariableInstance> written = this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list();
		assertThat(written).extracting(HistoricVariableInstance::getName).containsExactly("review");
		assertThat(written.get(0).getValue()).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("response", Map.of("score", 4))
			.containsEntry("respondedBy", "bob");
	}

	@Test
	void eachTaskOfAModelChoosesItsMode() {
		String key = key("mixed");
		deploy(leanThenSeparate(key, "${true}"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		this.actions.respond(pendingActionOf(instance).getId(), ResponseCommand.of("one", "ann"));
		assertThat(runtimeVariables(instance)).containsExactlyInAnyOrder("hil", "hilState");
		this.actions.respond(pendingActionOf(instance).getId(), ResponseCommand.of("two", "bob"));

		assertThat(hil(instance)).containsEntry("response", "one");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("two");
		assertThat(runtimeVariables(instance)).containsExactlyInAnyOrder("hil", "hilActionId", "hilStatus",
				"hilResponse", "hilRespondedBy");
	}

	@Test
	void aLongTextAnswerAndCommentResumeTheProcessAsTextInEitherMode() {
		String key = key("longText");
		deploy(leanThenSeparate(key,
				"${execution.setVariable('measured', hilResponse.length() + hilComment.length())}"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		// longer than the engine's text columns (4000 characters, 2000 on Oracle), as a free-text answer may be
		String answer = "Ä long answer. ".repeat(400).strip();
		String comment = "A long comment. ".repeat(400).strip();

		this.actions.respond(pendingActionOf(instance).getId(), new ResponseCommand(answer, "ann", null, "test", null,
				comment));
		this.actions.respond(pendingActionOf(instance).getId(), new ResponseCommand(answer, "bob", null, "test", null,
				comment));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(hil(instance)).containsEntry("response", answer).containsEntry("comment", comment);
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo(answer);
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo(comment);
		assertThat(this.runtime.getVariable(instance.getId(), "measured")).isEqualTo((long) (answer.length() + comment.length()));
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("hilComment")
			.singleResult()
			.getValue()).isEqualTo(comment);
		// a short text stays a plain text variable, which the engine's variable queries can match
		assertThat(this.jdbc.queryForObject("SELECT type_ FROM act_ru_variable WHERE proc_inst_id_ = ? "
				+ "AND name_ = 'hilRespondedBy'", String.class, instance.getId())).isEqualTo("string");
	}

	@Test
	void deploymentFailsForAnUnknownMode() {
		String key = key("badMode");
		assertThatThrownBy(() -> deploy(HilProcesses.waitingAfter(
				HilProcesses.hilTask(key, "Go?", "chat").camundaInputParameter("variables", "slim"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'variables' must be 'separate' or 'lean', not 'slim'");
	}

	/**
	 * Two questions in a row, the first task in lean mode and the second in separate mode, then a service task with
	 * the given expression and a wait.
	 */
	private BpmnModelInstance leanThenSeparate(String key, String expression) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("first")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "First?")
			.camundaInputParameter("outputTypes", "chat")
			.serviceTask("second")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Second?")
			.camundaInputParameter("outputTypes", "chat")
			.serviceTask("then")
			.camundaExpression(expression)
			.receiveTask("after")
			.endEvent()
			.done();
		lean(model.<ServiceTask>getModelElementById("first").builder());
		separate(model.<ServiceTask>getModelElementById("second").builder());
		return model;
	}

	/** The task, then a gateway on {@code hil}: approved, late (expired) or other. */
	private static BpmnModelInstance routed(ServiceTaskBuilder task) {
		return task.exclusiveGateway("route")
			.condition("approved", "${hil.response == 'Approve'}")
			.receiveTask("approved")
			.endEvent()
			.moveToNode("route")
			.condition("late", "${hil.status == 'expired'}")
			.receiveTask("late")
			.endEvent()
			.moveToNode("route")
			.condition("other", "${hil.response != 'Approve' && hil.status != 'expired'}")
			.receiveTask("other")
			.endEvent()
			.done();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> hil(ProcessInstance instance) {
		return (Map<String, Object>) this.runtime.getVariable(instance.getId(), "hil");
	}

	private List<String> runtimeVariables(ProcessInstance instance) {
		return this.runtime.createVariableInstanceQuery()
			.processInstanceIdIn(instance.getId())
			.list()
			.stream()
			.map(VariableInstance::getName)
			.toList();
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

	private ActionRequest pendingActionOf(ProcessInstance instance) {
		return this.actions.findPendingOf(instance.getId(), instance.getId())
			.orElseThrow(() -> new AssertionError("no pending action for instance " + instance.getId()));
	}

}
