package dev.camundahil.bpmn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionQuery;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.InvalidResponseException;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.approval;
import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HIL task on real process instances: it opens an action, waits, and resumes once the action ends, whichever
 * way it ends.
 */
@PostgresTest
class HilTaskTest {

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
	ActionService actionRequests;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAnswerResumesTheInstanceWithTheResponseInItsVariables() {
		String key = deploy(approval(key("approval")));

		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, "order-7", Map.of("orderId", 7));

		ActionRequest action = pendingActionOf(instance);
		assertThat(action.getFlowId()).isEqualTo(key);
		assertThat(action.getNodeId()).isEqualTo("ask");
		assertThat(action.getSessionId()).isEqualTo("order-7");
		assertThat(action.getContext().question()).isEqualTo("Approve order 7?");
		assertThat(action.getArgs()).containsEntry("expectedResponse", List.of("Approve", "Reject"));
		assertThat(action.getExpiresAt()).isAfter(action.getCreatedAt());
		@SuppressWarnings("unchecked")
		Map<String, Object> state = (Map<String, Object>) this.runtime.getVariable(instance.getId(), "hilState");
		assertThat(state).containsEntry("pendingActionId", action.getId().toString())
			.containsEntry("outputTypes", List.of("chat"));
		assertThat(activeActivities(instance)).containsExactly("ask");

		this.actions.respond(action.getId(), ResponseCommand.of("approve", "ann"));

		assertThat(activeActivities(instance)).containsExactly("after");
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("hilActionId", action.getId().toString())
			.containsEntry("hilStatus", "completed")
			.containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "ann")
			.doesNotContainKey("hilState");
	}

	@Test
	void aJsonObjectResponseAndTheResultVariable() {
		String key = deploy(waitingAfter(hilTask(key("json"), "Details?", "chat").camundaInputParameter("resultVariable",
				"review")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.actions.respond(action.getId(), ResponseCommand.of(Map.of("score", 4, "ok", true), "bob"));

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo(Map.of("score", 4, "ok", true));
		@SuppressWarnings("unchecked")
		Map<String, Object> review = (Map<String, Object>) this.runtime.getVariable(instance.getId(), "review");
		assertThat(review).containsEntry("status", "completed").containsEntry("respondedBy", "bob");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("completed");
	}

	@Test
	void mapAndListAnswersAreJsonOfThePluginsOwnThatExpressionsRead() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("jsonvalues"), "Details?", "chat")
			.camundaInputParameter("resultVariable", "review")
			.camundaOutputParameter("score", "${hilResponse.score}")
			.camundaOutputParameter("reviewer", "${review.respondedBy}")));
		ProcessInstance mapAnswer = this.runtime.startProcessInstanceByKey(key);
		ProcessInstance listAnswer = this.runtime.startProcessInstanceByKey(
				deploy(waitingAfter(hilTask(key("jsonlist"), "Which?", "chat")
					.camundaOutputParameter("second", "${hilResponse[1]}"))));

		this.actions.respond(pendingActionOf(mapAnswer).getId(),
				ResponseCommand.of(Map.of("score", 4, "tags", List.of("a", "b")), "bob"));
		this.actions.respond(pendingActionOf(listAnswer).getId(), ResponseCommand.of(List.of("x", "y"), "ann"));

		assertThat(this.runtime.getVariable(mapAnswer.getId(), "score")).isEqualTo(4);
		assertThat(this.runtime.getVariable(mapAnswer.getId(), "reviewer")).isEqualTo("bob");
		assertThat(this.runtime.getVariable(listAnswer.getId(), "second")).isEqualTo("y");
		assertThat(this.runtime.getVariable(listAnswer.getId(), "hilResponse")).isEqualTo(List.of("x", "y"));
		Map<String, Object> row = this.jdbc.queryForMap("SELECT type_, text_, bytearray_id_ FROM act_ru_variable "
				+ "WHERE proc_inst_id_ = ? AND name_ = 'hilResponse'", mapAnswer.getId());
		assertThat(row.get("type_")).as("no JSON data format of the engine's").isEqualTo("hil-json");
		assertThat(row.get("bytearray_id_")).isNull();
		// compared as JSON: the answer's keys come in no fixed order
		assertThat(new ObjectMapper().readValue((String) row.get("text_"), Map.class))
			.isEqualTo(Map.of("score", 4, "tags", List.of("a", "b")));
		assertThat(this.jdbc.queryForObject("SELECT type_ FROM act_ru_variable WHERE proc_inst_id_ = ? "
				+ "AND name_ = 'review'", String.class, mapAnswer.getId())).isEqualTo("hil-result");

		// as Cockpit and the REST API change it: JSON text that names the type
		this.runtime.setVariable(mapAnswer.getId(), "hilResponse", Variables.serializedObjectValue("{\"score\":5}")
			.serializationDataFormat(SerializationDataFormats.JSON)
			.objectTypeName(HilJsonObject.class.getName())
			.create());
		assertThat(this.runtime.getVariable(mapAnswer.getId(), "hilResponse")).isInstanceOf(HilJsonObject.class)
			.isEqualTo(Map.of("score", 5));
		assertThat(this.jdbc.queryForObject("SELECT type_ FROM act_ru_variable WHERE proc_inst_id_ = ? "
				+ "AND name_ = 'hilResponse'", String.class, mapAnswer.getId())).isEqualTo("hil-json");
	}

	@Test
	void theSessionIsTheProcessInstanceWhenThereIsNoBusinessKey() {
		String key = deploy(approval(key("session")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));

		assertThat(pendingActionOf(instance).getSessionId()).isEqualTo(instance.getId());
	}

	@Test
	void anAnswerOutsideTheExpectedResponsesChangesNothing() {
		String key = deploy(approval(key("options")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingActionOf(instance);

		assertThatThrownBy(() -> this.actions.respond(action.getId(), ResponseCommand.of("maybe", "ann")))
			.isInstanceOf(InvalidResponseException.class)
			.hasMessageContaining("Approve");

		assertThat(this.actionRequests.lookup(action.getId()).orElseThrow().getStatus())
			.isEqualTo(ActionStatus.PENDING);
		assertThat(activeActivities(instance)).containsExactly("ask");
		assertThat(this.actions.auditTrail(action.getId())).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.RESPONSE_REJECTED);
	}

	@Test
	void racingAnswersEndInExactlyOneCompletion() throws Exception {
		String key = deploy(approval(key("race")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingActionOf(instance);
		int racers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			String answer = (i % 2 == 0) ? "Approve" : "Reject";
			String who = "racer-" + i;
			Callable<String> respond = () -> {
				start.await();
				try {
					this.actions.respond(action.getId(), ResponseCommand.of(answer, who));
					return "won";
				}
				catch (ActionConflictException ex) {
					return "conflict";
				}
			};
			results.add(pool.submit(respond));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> result : results) {
			outcomes.add(result.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(outcomes).containsOnlyOnce("won").hasSize(racers);
		assertThat(outcomes.stream().filter("conflict"::equals)).hasSize(racers - 1);
		assertThat(this.actions.auditTrail(action.getId())).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.COMPLETED);
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("after")
			.count()).isEqualTo(1);
		String winner = this.actionRequests.lookup(action.getId()).orElseThrow().getResponse().respondedBy();
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo(winner);
	}

	@Test
	void cancellingResumesWithStatusCancelled() {
		String key = deploy(approval(key("cancel")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingActionOf(instance);

		this.actions.cancel(action.getId(), "order withdrawn", "clerk");

		assertThat(activeActivities(instance)).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("cancelled");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isNull();
		assertThatThrownBy(() -> this.actions.respond(action.getId(), ResponseCommand.of("Approve", "late")))
			.isInstanceOf(ActionConflictException.class)
			.hasMessageContaining("cancelled");
	}

	@Test
	void expiryContinuesWithStatusExpired() {
		String key = deploy(approval(key("expire")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingActionOf(instance);

		this.actions.expire(action.getId());

		assertThat(activeActivities(instance)).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("expired");
	}

	@Test
	void expiryThrowsHilExpiredWhenTheTaskSaysError() {
		String key = key("expireError");
		BpmnModelInstance model = hilTask(key, "Still there?", "chat").camundaInputParameter("onTimeout", "error")
			.boundaryEvent("timedOut")
			.error("HIL_EXPIRED")
			.receiveTask("escalated")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done();
		deploy(model);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.actions.expire(action.getId());

		assertThat(activeActivities(instance)).containsExactly("escalated");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("expired");
	}

	@Test
	void anInterruptingBoundaryEventCancelsTheAction() {
		String key = key("boundary");
		BpmnModelInstance model = hilTask(key, "Approve?", "chat").boundaryEvent("tooSlow")
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
		Job timer = this.management.createJobQuery().processInstanceId(instance.getId()).singleResult();

		this.management.executeJob(timer.getId());

		assertThat(activeActivities(instance)).containsExactly("reminded");
		assertThat(this.actionRequests.lookup(action.getId()).orElseThrow().getStatus())
			.isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.actions.auditTrail(action.getId())).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.CANCELLED);
	}

	@Test
	void deletingTheInstanceCancelsTheActionEvenWhenListenersAreSkipped() {
		String key = deploy(approval(key("delete")));
		ProcessInstance kept = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ProcessInstance deleted = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 2));
		ActionRequest deletedAction = pendingActionOf(deleted);

		this.runtime.deleteProcessInstance(deleted.getId(), "order withdrawn", true);

		assertThat(this.actionRequests.lookup(deletedAction.getId()).orElseThrow().getStatus())
			.isEqualTo(ActionStatus.CANCELLED);
		assertThat(pendingActionOf(kept).getStatus()).isEqualTo(ActionStatus.PENDING);
	}

	@Test
	void softDeletingAPendingActionCancelsItAndResumes() {
		String key = deploy(approval(key("softDelete")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 1));
		ActionRequest action = pendingActionOf(instance);

		this.actions.delete(action.getId(), "admin");

		assertThat(this.actionRequests.lookup(action.getId())).isEmpty();
		assertThat(activeActivities(instance)).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("cancelled");
		assertThat(this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ? ORDER BY timestamp",
				String.class, action.getId()))
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.CANCELLED, AuditEvents.DELETED);
	}

	@Test
	void historyKeepsTheResponseAfterTheInstanceEnds() {
		String key = deploy(Bpmn.createExecutableProcess(key("history"))
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "OK?")
			.camundaInputParameter("outputTypes", "chat")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = pendingActionOf(instance);

		this.actions.respond(action.getId(), ResponseCommand.of("yes", "ann"));

		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("hilResponse")
			.singleResult()
			.getValue()).isEqualTo("yes");
	}

	@Test
	void deploymentFailsForAMissingQuestion() {
		String key = key("noQuestion");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(key, null, "chat"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'ask'")
			.hasMessageContaining(key)
			.hasMessageContaining("question");
	}

	@Test
	void deploymentFailsForAMissingOrUnknownOutputType() {
		String missing = key("noTypes");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(missing, "Q?", null))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(missing)
			.hasMessageContaining("outputTypes");
		String unknown = key("badType");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(unknown, "Q?", "chat, fax"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(unknown)
			.hasMessageContaining("'fax'");
	}

	@Test
	void deploymentFailsForAnAllowDelegationThatIsNeitherTrueNorFalse() {
		String key = key("badDelegation");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(key, "Q?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("allowDelegation", "sometimes"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(key)
			.hasMessageContaining("'allowDelegation' must be true or false, not 'sometimes'");
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void deploymentFailsForAMalformedTimeout() {
		String key = key("badTimeout");
		assertThatThrownBy(
				() -> deploy(waitingAfter(hilTask(key, "Q?", "chat").camundaInputParameter("timeout", "24 hours"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(key)
			.hasMessageContaining("'ask'")
			.hasMessageContaining("ISO-8601");
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void expressionsAreEvaluatedPerInstance() {
		String key = deploy(waitingAfter(hilTask(key("expr"), "Hello ${name}?", "${types}")
			.camundaInputParameter("timeout", "${wait}")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key,
				Map.of("name", "Ann", "types", "chat,custom", "wait", "PT2H"));

		ActionRequest action = pendingActionOf(instance);
		assertThat(action.getContext().question()).isEqualTo("Hello Ann?");
		assertThat(action.getOutputTypes()).containsExactly("chat", "custom");
		assertThat(action.getExpiresAt()).isBetween(action.getCreatedAt().plusSeconds(7190),
				action.getCreatedAt().plusSeconds(7210));
	}

	@Test
	void aBadValueAtRunTimeFailsTheStartAndWritesNothing() {
		String key = deploy(waitingAfter(hilTask(key("runtimeBad"), "Q?", "${types}")));
		long before = countActions();

		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(key, Map.of("types", "pigeon")))
			.isInstanceOf(HilTaskConfigurationException.class)
			.hasMessageContaining("'pigeon'")
			.hasMessageContaining(key);

		assertThat(countActions()).isEqualTo(before);
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void waitingCostsNoExecutionOrVariablesOfItsOwn() {
		String key = deploy(approval(key("lean")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 8));

		ActionRequest action = pendingActionOf(instance);
		assertThat(action.getExecutionId()).isEqualTo(instance.getId());
		assertThat(this.runtime.createExecutionQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
		assertThat(this.runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list())
			.extracting((variable) -> variable.getName())
			.containsExactlyInAnyOrder("orderId", "hilState");
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
			.extracting((variable) -> variable.getName())
			.doesNotContain("question", "outputTypes", "expectedResponse");
	}

	@Test
	void theStateIsJsonInItsOwnRowAndInAByteArrayOnlyWhenLong() {
		String key = deploy(waitingAfter(hilTask(key("state"), "OK?", "chat").camundaInputParameter("message", "${note}")));
		ObjectValue order = Variables.objectValue(Map.of("id", 7))
			.serializationDataFormat(SerializationDataFormats.JSON)
			.create();
		ProcessInstance small = this.runtime.startProcessInstanceByKey(key, Map.of("note", "short", "order", order));
		ProcessInstance large = this.runtime.startProcessInstanceByKey(key, Map.of("note", "n".repeat(3000)));

		Map<String, Object> smallRow = stateRow("act_ru_variable", small);
		assertThat(smallRow.get("serializer")).isEqualTo("hil-state");
		assertThat(smallRow.get("bytearray_id_")).isNull();
		assertThat((String) smallRow.get("text_")).contains(pendingActionOf(small).getId().toString());
		assertThat(stateRow("act_ru_variable", large).get("bytearray_id_")).isNotNull();
		assertThat(stateRow("act_ru_variable", large).get("text_")).isNull();
		assertThat(this.jdbc.queryForObject("SELECT type_ FROM act_ru_variable WHERE proc_inst_id_ = ? "
				+ "AND name_ = 'order'", String.class, small.getId())).as("any other object").isNotEqualTo("hil-state");
		for (ProcessInstance instance : List.of(small, large)) {
			assertThat(stateOf(instance))
				.containsEntry("pendingActionId", pendingActionOf(instance).getId().toString());
			this.actions.respond(pendingActionOf(instance).getId(), ResponseCommand.of("yes", "ann"));
		}

		assertThat(stateRow("act_hi_varinst", small).get("bytearray_id_")).isNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> kept = (Map<String, Object>) this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(large.getId())
			.variableName("hilState")
			.includeDeleted()
			.singleResult()
			.getValue();
		assertThat(kept).extractingByKey("args").asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("message", "n".repeat(3000));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> stateOf(ProcessInstance instance) {
		return (Map<String, Object>) this.runtime.getVariable(instance.getId(), "hilState");
	}

	private Map<String, Object> stateRow(String table, ProcessInstance instance) {
		String serializer = "act_ru_variable".equals(table) ? "type_" : "var_type_";
		return this.jdbc.queryForMap("SELECT " + serializer + " AS serializer, text_, bytearray_id_ FROM " + table
				+ " WHERE proc_inst_id_ = ? AND name_ = 'hilState'", instance.getId());
	}

	@Test
	void aTaskWithOutputMappingsKeepsCamundasMapping() {
		String key = deploy(waitingAfter(hilTask(key("mapped"), "Colour of ${item}?", "chat")
			.camundaInputParameter("onTimeout", "continue")
			.camundaOutputParameter("colour", "${hilResponse}")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("item", "bike"));
		ActionRequest action = pendingActionOf(instance);
		assertThat(action.getContext().question()).isEqualTo("Colour of bike?");

		this.actions.respond(action.getId(), ResponseCommand.of("red", "ann"));

		assertThat(activeActivities(instance)).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "colour")).isEqualTo("red");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("completed");
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

	private ActionRequest pendingActionOf(ProcessInstance instance) {
		return this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no action for instance " + instance.getId()));
	}

	private List<String> activeActivities(ProcessInstance instance) {
		return this.runtime.getActiveActivityIds(instance.getId());
	}

	static UUID id(ActionRequest action) {
		return action.getId();
	}

	private long countActions() {
		return this.actionRequests.list(ActionQuery.all(), PageRequest.of(0, 1)).getTotalElements();
	}

}
