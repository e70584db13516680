package dev.camundahil.api;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.HilApi;
import dev.camundahil.support.HilApi.Reply;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over real HTTP: a comment given with an answer reaches the action, its audit, the API view and the process
 * ({@code hilComment}, or the lean result); a late answer's 409 says who answered what and when; the task's
 * language parameters are checked at deployment.
 */
@PostgresTest
class CommentsAndLateAnswersApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	HilApi api;

	@BeforeEach
	void setUp() {
		this.api = new HilApi(this.port);
	}

	@Test
	void aCommentTravelsWithTheAnswerIntoTheViewTheAuditAndTheProcess() {
		ProcessInstance instance = start(HilProcesses.approval(HilProcesses.key("comment")));
		UUID id = actionOf(instance).getId();

		Reply reply = this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"Reject\", \"respondedBy\": \"ann\", \"comment\": \"  too expensive  \"}");

		assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
		assertThat(reply.body().get("comment").asText()).isEqualTo("too expensive");
		assertThat(this.api.get("/api/v1/actions/" + id).body().get("comment").asText()).isEqualTo("too expensive");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("too expensive");
		assertThat(this.jdbc.queryForObject(
				"SELECT data->>'comment' FROM action_audit WHERE action_id = ? AND event = 'completed'", String.class,
				id)).isEqualTo("too expensive");
		JsonNode audit = this.api.get("/api/v1/actions/" + id + "/audit").body();
		assertThat(audit.findValuesAsText("comment")).contains("too expensive");
	}

	@Test
	void aLateAnswerIsToldWhoAnsweredWhatAndWhen() {
		ProcessInstance instance = start(HilProcesses.approval(HilProcesses.key("late")));
		UUID id = actionOf(instance).getId();
		this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"ann\", \"comment\": \"fine by me\"}");
		ActionRequest answered = this.actions.find(id);

		Reply late = this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"Reject\", \"respondedBy\": \"bob\"}");

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.contentType()).isEqualTo("application/problem+json");
		assertThat(late.body().get("status").asText()).isEqualTo("completed");
		assertThat(late.body().get("respondedBy").asText()).isEqualTo("ann");
		assertThat(late.body().get("respondedAt").asText()).isEqualTo(answered.getResponse().timestamp().toString());
		assertThat(late.body().get("response").asText()).isEqualTo("Approve");
		assertThat(late.body().get("comment").asText()).isEqualTo("fine by me");
		assertThat(late.body().get("detail").asText()).contains("already completed").contains("answered by ann");
		assertThat(this.actions.find(id).getResponse().value()).isEqualTo("Approve");

		ProcessInstance withdrawn = start(HilProcesses.approval(HilProcesses.key("lateCancelled")));
		UUID cancelled = actionOf(withdrawn).getId();
		this.actions.cancel(cancelled, "not needed", "tests");
		Reply tooLate = this.api.post("/api/v1/actions/" + cancelled + "/respond", "{\"value\": \"Approve\"}");
		assertThat(tooLate.status()).isEqualTo(409);
		assertThat(tooLate.body().get("status").asText()).isEqualTo("cancelled");
		assertThat(tooLate.body().has("respondedBy")).isFalse();
		assertThat(tooLate.body().get("detail").asText()).contains("withdrawn");
	}

	@Test
	void aCommentOverTheLimitIsRefusedAndChangesNothing() {
		ProcessInstance instance = start(HilProcesses.approval(HilProcesses.key("longComment")));
		UUID id = actionOf(instance).getId();
		String longComment = "x".repeat(70 * 1024);

		Reply reply = this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"Approve\", \"comment\": \"" + longComment + "\"}");

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.body().get("detail").asText()).contains("comment");
		assertThat(this.actions.find(id).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.find(id).getComment()).isNull();
	}

	@Test
	void aLeanTaskKeepsTheCommentInItsOneVariable() {
		String key = HilProcesses.key("leanComment");
		ProcessInstance instance = start(HilProcesses.waitingAfter(HilProcesses.hilTask(key, "Ship?", "chat")
			.camundaInputParameter("expectedResponse", "Ship, Hold")
			.camundaInputParameter("variables", "lean")));
		UUID id = actionOf(instance).getId();

		this.api.post("/api/v1/actions/" + id + "/respond", "{\"value\": \"Hold\", \"comment\": \"wait for stock\"}");

		ObjectValue result = this.runtime.getVariableTyped(instance.getId(), "hil");
		@SuppressWarnings("unchecked")
		Map<String, Object> values = (Map<String, Object>) result.getValue();
		assertThat(values).containsEntry("response", "Hold")
			.containsEntry("comment", "wait for stock");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isNull();
	}

	@Test
	void theTaskLanguageIsStoredAndMalformedLiteralsFailTheDeployment() {
		ProcessInstance instance = start(HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("lang"),
				"Frage?", "chat")
			.camundaInputParameter("locale", "${lang}")
			.camundaInputParameter("timeZone", "Europe/Berlin")), Map.of("lang", "de_CH"));
		ActionRequest action = actionOf(instance);
		assertThat(action.getLocale()).isEqualTo("de-CH");
		assertThat(action.getTimeZone()).isEqualTo("Europe/Berlin");
		assertThat(this.api.get("/api/v1/actions/" + action.getId()).body().get("locale").asText()).isEqualTo("de-CH");

		String badLocale = HilProcesses.key("badLocale");
		assertThatThrownBy(() -> HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(
				HilProcesses.hilTask(badLocale, "Q?", "chat").camundaInputParameter("locale", "not a language!"))))
			.hasMessageContaining(badLocale)
			.hasMessageContaining("'locale'");
		String badZone = HilProcesses.key("badZone");
		assertThatThrownBy(() -> HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(
				HilProcesses.hilTask(badZone, "Q?", "chat").camundaInputParameter("timeZone", "Mars/Olympus"))))
			.hasMessageContaining(badZone)
			.hasMessageContaining("'timeZone'");
	}

	private ProcessInstance start(BpmnModelInstance model) {
		return start(model, Map.of("orderId", 1));
	}

	private ProcessInstance start(BpmnModelInstance model, Map<String, Object> variables) {
		String key = HilProcesses.deploy(this.repository, model);
		return this.runtime.startProcessInstanceByKey(key, variables);
	}

	private ActionRequest actionOf(ProcessInstance instance) {
		return this.actions.findByProcessInstanceId(instance.getId()).stream().findFirst().orElseThrow();
	}

}
