package dev.camundahil.bpmn;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example processes under {@code processes/} are deployed at start and run to each of their ends, and the Camunda
 * Modeler element template only binds parameters the HIL task knows.
 */
@PostgresTest
class ExampleProcessesTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ActionService actions;

	@Autowired
	ActionService actionRequests;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilExpiry")
	RecurringWork expiry;

	@Test
	void everyExampleIsDeployedAtStart() {
		for (File file : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
			String key = HilProcesses.processKey(org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(file));
			assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
				.as("definition of %s", file)
				.isPositive();
		}
	}

	@Test
	void theChatConfirmationRunsToTheEnd() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("chatConfirmation", "booking-1");
		ActionRequest action = this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow();

		this.actions.respond(action.getId(), ResponseCommand.of("yes", "ann"));

		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getEndTime()).isNotNull();
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("hilResponse")
			.singleResult()
			.getValue()).isEqualTo("Yes");
	}

	@Test
	void theReviewAnsweredInTimeEndsReviewed() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("escalationTimer");

		this.actions.respond(pendingActionOf(instance).getId(), ResponseCommand.of("Publish", "rita"));

		assertEndedAt(instance, "reviewed");
	}

	@Test
	void fourHoursWithoutAReviewAskTheTeamLeadWhoseAnswerEndsTheEscalation() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("escalationTimer");
		Job timer = this.management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		assertThat(Duration.between(pendingActionOf(instance).getCreatedAt(), timer.getDuedate().toInstant()))
			.isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4));

		letTimePass(instance);
		ActionRequest lead = pendingActionOf(instance);
		assertThat(lead.getNodeId()).isEqualTo("escalate");
		this.actions.respond(lead.getId(), ResponseCommand.of("Hold", "lena"));

		assertEndedAt(instance, "escalated");
	}

	@Test
	void anEscalationTheTeamLeadLeavesUnansweredForADayEndsExpired() {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("escalationTimer");

		letTimePass(instance);
		ActionRequest lead = pendingActionOf(instance);
		assertThat(lead.getNodeId()).isEqualTo("escalate");
		assertThat(Duration.between(lead.getCreatedAt(), lead.getExpiresAt()))
			.isBetween(Duration.ofDays(1).minusMinutes(1), Duration.ofDays(1));
		letTimePass(instance);

		assertEndedAt(instance, "expiredEnd");
		assertThat(this.actionRequests.lookup(lead.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.EXPIRED);
	}

	/**
	 * Lets time pass until the first thing due for the instance happens, as it would in time: its earliest timer
	 * fires, or its pending action expires, whichever is due first.
	 */
	private void letTimePass(ProcessInstance instance) {
		ActionRequest action = pendingActionOf(instance);
		Job timer = this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.orderByJobDuedate()
			.asc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		if (timer != null && timer.getDuedate().toInstant().isBefore(action.getExpiresAt())) {
			this.management.executeJob(timer.getId());
			return;
		}
		// the expiry compares deadlines with the clock: the deadline is moved to now, as if the time had passed
		this.jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' WHERE id = ?",
				action.getId());
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.expiry.sweep();
			return !this.actionRequests.lookup(action.getId()).orElseThrow().isPending();
		});
	}

	private ActionRequest pendingActionOf(ProcessInstance instance) {
		return this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.filter(ActionRequest::isPending)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no pending action in instance " + instance.getId()));
	}

	private void assertEndedAt(ProcessInstance instance, String endEvent) {
		HistoricProcessInstance ended = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult();
		assertThat(ended.getEndTime()).as("the instance has ended").isNotNull();
		assertThat(ended.getEndActivityId()).isEqualTo(endEvent);
	}

	@Test
	void theElementTemplateBindsOnlyRealParameters() throws Exception {
		JsonNode template = new ObjectMapper().readTree(new File("processes/hil-task.element-template.json")).get(0);
		assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
		int parameters = 0;
		for (JsonNode property : template.get("properties")) {
			JsonNode binding = property.get("binding");
			if ("camunda:inputParameter".equals(binding.get("type").asText())) {
				assertThat(HilTaskParameters.KNOWN).as("parameter bound by '%s'", property.get("label").asText())
					.contains(binding.get("name").asText());
				parameters++;
			}
			else {
				assertThat(binding.get("name").asText()).isEqualTo("camunda:delegateExpression");
				assertThat(property.get("value").asText()).isEqualTo(HilTaskParseListener.DELEGATE_EXPRESSION);
			}
		}
		assertThat(parameters).isGreaterThanOrEqualTo(15);
	}

	@Test
	void aTaskFilledInAsTheTemplateWritesItDeploysAndRuns() throws Exception {
		JsonNode template = new ObjectMapper().readTree(new File("processes/hil-task.element-template.json")).get(0);
		String key = HilProcesses.key("template");
		ServiceTaskBuilder task = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("ask")
			.camundaDelegateExpression("${hilTask}");
		Map<String, String> sample = Map.of("question", "Ship it?", "outputTypes", "chat", "expectedResponse",
				"Ship,Hold", "timeout", "PT2H", "onTimeout", "continue", "reminder", "PT1H");
		for (JsonNode property : template.get("properties")) {
			JsonNode binding = property.get("binding");
			if ("camunda:inputParameter".equals(binding.get("type").asText())) {
				// an empty field in the Modeler is written as an empty parameter
				task.camundaInputParameter(binding.get("name").asText(),
						sample.getOrDefault(binding.get("name").asText(), ""));
			}
		}
		BpmnModelInstance model = HilProcesses.waitingAfter(task);
		this.repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();

		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow();
		assertThat(action.getOutputTypes()).containsExactly("chat");
		assertThat(action.getArgs()).containsEntry("expectedResponse", List.of("Ship", "Hold"));
		assertThat(action.getSessionId()).isEqualTo(instance.getId());
	}

}
