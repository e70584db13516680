package dev.camundahil.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.HilApi;
import dev.camundahil.support.HilApi.Reply;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actions API over real HTTP: every success and every error code, and that bad input writes nothing.
 */
@PostgresTest
class ActionApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	HilApi api;

	String key;

	@BeforeEach
	void setUp() {
		this.api = new HilApi(this.port);
		this.key = HilProcesses.key("api");
		this.repository.createDeployment()
			.addModelInstance(this.key + ".bpmn", HilProcesses.approval(this.key))
			.deploy();
	}

	@Test
	void answerThroughTheApiResumesTheInstance() {
		ProcessInstance instance = start();
		UUID id = actionOf(instance).getId();

		Reply reply = this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"reject\", \"respondedBy\": \"ann\"}");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").asText()).isEqualTo("completed");
		assertThat(reply.body().get("response").get("value").asText()).isEqualTo("Reject");
		assertThat(reply.body().get("response").get("respondedBy").asText()).isEqualTo("ann");
		assertThat(this.jdbc.queryForObject(
				"SELECT user_id FROM action_audit WHERE action_id = ? AND event = 'completed'", String.class, id))
			.as("the name of the API key that answered")
			.isEqualTo("tests");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");

		Reply again = this.api.post("/api/v1/actions/" + id + "/respond", "{\"value\": \"Approve\"}");
		assertProblem(again, 409, "already completed");
	}

	@Test
	void anAnswerWhoseProcessFailsAfterwardsStandsAndTheFailureBecomesAnIncident() {
		String failing = HilProcesses.deploy(this.repository,
				HilProcesses.failingAfter(HilProcesses.hilTask(HilProcesses.key("apiFailing"), "Ship order ${orderId}?", "chat")
					.camundaInputParameter("expectedResponse", "Approve, Reject")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(failing, Map.of("orderId", 2, "broken", true));
		UUID id = actionOf(instance).getId();

		Reply reply = this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"reject\", \"respondedBy\": \"ann\"}");

		assertThat(reply.status()).as("the answer is stored: %s", reply.body()).isEqualTo(200);
		assertThat(reply.body().get("status").asText()).isEqualTo("completed");
		assertThat(this.actions.lookup(id).orElseThrow().getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(auditEvents(id)).contains("completed", "resume_failed");
		assertThat(this.jdbc.queryForObject("SELECT data->>'error' FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, id, "resume_failed"))
			.contains("noSuchBean");
		Incident incident = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult(),
					Objects::nonNull);
		assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.getActivityId()).isEqualTo("ask");
		assertThat(incident.getIncidentMessage()).contains("noSuchBean");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		// the operator mends the process and retries the job, as Cockpit does
		this.runtime.setVariable(instance.getId(), "broken", false);
		this.management.setJobRetries(incident.getConfiguration(), 1);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.getActiveActivityIds(instance.getId()).equals(List.of("after")));
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilActionId", id.toString())
			.containsEntry("hilStatus", "completed")
			.containsEntry("hilResponse", "Reject")
			.containsEntry("hilRespondedBy", "ann")
			.doesNotContainKey("hilState");
		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(auditEvents(id)).filteredOn("completed"::equals).hasSize(1);
	}

	@Test
	void aCancellationWhoseProcessFailsAfterwardsStandsAndTheFailureBecomesAnIncident() {
		String failing = HilProcesses.deploy(this.repository,
				HilProcesses.failingAfter(HilProcesses.hilTask(HilProcesses.key("apiCancelFailing"), "Ship it?", "chat")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(failing, Map.of("broken", true));
		UUID id = actionOf(instance).getId();

		Reply reply = this.api.post("/api/v1/actions/" + id + "/cancel", "{\"reason\": \"order withdrawn\"}");

		assertThat(reply.status()).as("the cancellation is stored: %s", reply.body()).isEqualTo(200);
		assertThat(reply.body().get("status").asText()).isEqualTo("cancelled");
		assertThat(auditEvents(id)).contains("cancelled", "resume_failed");
		Incident incident = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult(),
					Objects::nonNull);
		assertThat(incident.getIncidentMessage()).contains("noSuchBean");

		this.runtime.setVariable(instance.getId(), "broken", false);
		this.management.setJobRetries(incident.getConfiguration(), 1);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.getActiveActivityIds(instance.getId()).equals(List.of("after")));
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("cancelled");
		assertThat(auditEvents(id)).filteredOn("cancelled"::equals).hasSize(1);
	}

	@Test
	void readingListingAndTheAuditTrail() {
		ProcessInstance first = start();
		ProcessInstance second = start();
		UUID firstId = actionOf(first).getId();
		this.api.post("/api/v1/actions/" + firstId + "/respond", "{\"value\": \"Approve\", \"respondedBy\": \"ann\"}");

		Reply one = this.api.get("/api/v1/actions/" + firstId);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body().get("flowId").asText()).isEqualTo(this.key);
		assertThat(one.body().get("context").get("question").asText()).isEqualTo("Approve order 1?");

		Reply page = this.api.get("/api/v1/actions?flowId=" + this.key + "&size=1");
		assertThat(page.body().get("total").asLong()).isEqualTo(2);
		assertThat(page.body().get("size").asInt()).isEqualTo(1);
		assertThat(page.body().get("items").get(0).get("id").asText()).isEqualTo(actionOf(second).getId().toString());

		Reply pending = this.api.get("/api/v1/actions?flowId=" + this.key + "&status=pending&outputType=chat");
		assertThat(pending.body().get("items")).hasSize(1);
		assertThat(this.api.get("/api/v1/actions?flowId=" + this.key + "&outputType=email").body().get("total").asLong())
			.isZero();

		Reply audit = this.api.get("/api/v1/actions/" + firstId + "/audit");
		assertThat(audit.body().findValuesAsText("event")).containsExactly("created", "dispatched", "completed");
	}

	@Test
	void anIdempotencyKeyMakesARetryReturnTheFirstResult() {
		ProcessInstance instance = start();
		UUID id = actionOf(instance).getId();
		String body = "{\"value\": \"Approve\", \"respondedBy\": \"ann\"}";

		Reply first = idempotentPost("/api/v1/actions/" + id + "/respond", body, "key-1");
		Reply retry = idempotentPost("/api/v1/actions/" + id + "/respond", body, "key-1");
		Reply otherBody = idempotentPost("/api/v1/actions/" + id + "/respond", "{\"value\": \"Reject\"}", "key-1");

		assertThat(first.status()).isEqualTo(200);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body().get("response")).isEqualTo(first.body().get("response"));
		assertProblem(otherBody, 409, "Idempotency-Key");
		assertThat(auditEvents(id)).containsExactly("created", "dispatched", "completed");
	}

	@Test
	void twoRequestsRacingWithOneIdempotencyKeyAndBodyBothGetTheFirstResult() throws Exception {
		String body = "{\"value\": \"Approve\", \"respondedBy\": \"ann\"}";
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				UUID id = actionOf(start()).getId();
				String path = "/api/v1/actions/" + id + "/respond";
				String key = "race-" + round;
				CyclicBarrier together = new CyclicBarrier(2);
				Callable<Reply> request = () -> {
					together.await(10, TimeUnit.SECONDS);
					return idempotentPost(path, body, key);
				};
				Future<Reply> one = two.submit(request);
				Future<Reply> other = two.submit(request);
				Reply first = one.get(60, TimeUnit.SECONDS);
				Reply second = other.get(60, TimeUnit.SECONDS);

				assertThat(List.of(first.status(), second.status()))
					.as("round %d: %s and %s", round, first.body(), second.body())
					.containsExactly(200, 200);
				assertThat(second.body()).isEqualTo(first.body());
				assertThat(auditEvents(id)).containsExactly("created", "dispatched", "completed");
				assertProblem(idempotentPost(path, "{\"value\": \"Reject\", \"respondedBy\": \"ann\"}", key), 409,
						"Idempotency-Key");
			}
		}
		finally {
			two.shutdownNow();
		}
	}

	@Test
	void cancelAndDelete() {
		ProcessInstance cancelled = start();
		UUID cancelledId = actionOf(cancelled).getId();
		Reply cancel = this.api.post("/api/v1/actions/" + cancelledId + "/cancel",
				"{\"reason\": \"customer withdrew\", \"userId\": \"clerk\"}");
		assertThat(cancel.status()).isEqualTo(200);
		assertThat(cancel.body().get("status").asText()).isEqualTo("cancelled");
		assertThat(this.runtime.getVariable(cancelled.getId(), "hilStatus")).isEqualTo("cancelled");
		assertThat(this.jdbc.queryForObject(
				"SELECT user_id FROM action_audit WHERE action_id = ? AND event = 'cancelled'", String.class,
				cancelledId))
			.isEqualTo("clerk");
		assertProblem(this.api.post("/api/v1/actions/" + cancelledId + "/cancel", "{}"), 409, "cancelled");

		ProcessInstance deleted = start();
		UUID deletedId = actionOf(deleted).getId();
		Reply delete = this.api.send("DELETE", "/api/v1/actions/" + deletedId, null);
		assertThat(delete.status()).isEqualTo(204);
		assertProblem(this.api.get("/api/v1/actions/" + deletedId), 404, deletedId.toString());
		assertThat(this.api.get("/api/v1/actions?flowId=" + this.key).body().findValuesAsText("id"))
			.doesNotContain(deletedId.toString());
		assertThat(this.runtime.getVariable(deleted.getId(), "hilStatus")).isEqualTo("cancelled");
		assertProblem(this.api.send("DELETE", "/api/v1/actions/" + deletedId, null), 404, "No action");
	}

	@Test
	void aRefusedAnswerIsAuditedWithWhoSentItAndChangesNothing() {
		ProcessInstance instance = start();
		ActionRequest before = actionOf(instance);
		String respond = "/api/v1/actions/" + before.getId() + "/respond";

		assertProblem(this.api.post(respond, "{\"value\": \"maybe\", \"respondedBy\": \"ann\"}"), 400,
				"not one of the expected responses");
		assertProblem(this.api.post(respond, "{\"value\": \"" + "x".repeat(70_000) + "\", \"respondedBy\": \"bob\"}"), 413,
				"at most 65536");

		List<Map<String, Object>> refusals = this.jdbc.queryForList("""
				SELECT data->>'reason' AS reason, data->>'respondedBy' AS responded_by, data->>'channel' AS channel,
				       user_id
				FROM action_audit WHERE action_id = ? AND event = 'response_rejected' ORDER BY timestamp""",
				before.getId());
		assertThat(refusals).hasSize(2);
		assertThat(refusals.get(0)).containsEntry("responded_by", "ann")
			.containsEntry("channel", "api")
			.containsEntry("user_id", "tests")
			.containsEntry("reason", "The response value 'maybe' is not one of the expected responses [Approve, Reject]");
		assertThat(refusals.get(1)).containsEntry("responded_by", "bob").containsEntry("user_id", "tests");
		assertThat((String) refusals.get(1).get("reason")).contains("bytes as JSON; at most 65536");
		ActionRequest after = this.actions.lookup(before.getId()).orElseThrow();
		assertThat(after.isPending()).isTrue();
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
		assertThat(after.getResponse()).isNull();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	@Test
	void badInputIsAClearProblemAndChangesNothing() {
		ProcessInstance instance = start();
		UUID id = actionOf(instance).getId();
		String respond = "/api/v1/actions/" + id + "/respond";

		assertProblem(this.api.post(respond, "{\"value\": \"maybe\"}"), 400, "not one of the expected responses");
		assertProblem(this.api.post(respond, "{\"value\": 42}"), 400, "must be one of");
		assertProblem(this.api.post(respond, "{\"respondedBy\": \"ann\"}"), 400, "'value' is required");
		assertProblem(this.api.post(respond, "{\"vaule\": \"Approve\"}"), 400, "Unknown field 'vaule'");
		assertProblem(this.api.post(respond, "{\"value\": \"Approve\", \"respondedBy\": {\"x\": 1}}"), 400, "respondedBy");
		assertProblem(this.api.post(respond, "{\"value\": \"Approve\""), 400, "not valid JSON");
		assertProblem(this.api.post(respond, "[1, 2]"), 400, "JSON object");
		assertProblem(this.api.post(respond, ""), 400, "missing");
		assertProblem(this.api.post("/api/v1/actions/not-a-uuid/respond", "{\"value\": \"Approve\"}"), 400, "UUID");
		assertProblem(this.api.post("/api/v1/actions/" + UUID.randomUUID() + "/respond", "{\"value\": \"Approve\"}"), 404,
				"No action");
		assertProblem(this.api.get("/api/v1/actions/xyz"), 400, "'id' must be a UUID");
		assertProblem(this.api.get("/api/v1/actions?status=done"), 400, "status");
		assertProblem(this.api.get("/api/v1/actions?size=0"), 400, "'size'");
		assertProblem(this.api.get("/api/v1/actions?size=5000"), 400, "'size'");
		assertProblem(this.api.get("/api/v1/actions?page=-1"), 400, "'page'");
		assertProblem(this.api.get("/api/v1/actions?page=abc"), 400, "'page'");
		assertProblem(this.api.post("/api/v1/actions/" + id + "/cancel", "{\"reason\": 5, \"extra\": true}"), 400, "extra");

		// the two answers outside the options reached the action and were refused; nothing else did
		assertThat(auditEvents(id)).containsExactly("created", "dispatched", "response_rejected", "response_rejected");
		assertThat(this.actions.lookup(id).orElseThrow().isPending()).isTrue();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	@Test
	void problemsSpeakOfJsonAndNeverOfTheServersWorkings() {
		ProcessInstance instance = start();
		UUID id = actionOf(instance).getId();
		String respond = "/api/v1/actions/" + id + "/respond";

		assertPlainProblem(this.api.post(respond, "{\"value\": {\"approve\": true}}"), 400, "but was a JSON object");
		assertPlainProblem(this.api.post(respond, "{\"value\": [\"Approve\"]}"), 400, "but was a JSON array");
		assertPlainProblem(this.api.post(respond, "{\"value\": 42}"), 400, "but was the number 42");
		assertPlainProblem(this.api.post(respond, "{"), 400, "not valid JSON");
		assertPlainProblem(this.api.post(respond, "{\"value\": " + "[".repeat(1001) + "]".repeat(1001) + "}"), 400,
				"nesting depth");
		assertPlainProblem(this.api.post("/api/v1/actions/" + id + "/reassign", "{\"to\": \"ann@example.com\"}"), 400,
				"'to' has the wrong type: expected an array");
		assertPlainProblem(this.api.get("/api/v1/actions?page=abc"), 400, "'page' must be a whole number");

		assertThat(auditEvents(id)).containsExactly("created", "dispatched", "response_rejected", "response_rejected",
				"response_rejected");
		assertThat(this.actions.lookup(id).orElseThrow().isPending()).isTrue();
	}

	@Test
	void anOverlongIdempotencyKeyOrRespondedByIsRefusedAndChangesNothing() {
		ProcessInstance instance = start();
		UUID id = actionOf(instance).getId();
		String respond = "/api/v1/actions/" + id + "/respond";

		assertProblem(idempotentPost(respond, "{\"value\": \"Approve\"}", "k".repeat(256)), 400,
				"at most 255 characters");
		assertProblem(this.api.post(respond, "{\"value\": \"Approve\", \"respondedBy\": \"" + "a".repeat(321) + "\"}"),
				400, "at most 320 characters");

		assertThat(auditEvents(id)).containsExactly("created", "dispatched", "response_rejected");
		assertThat(this.actions.lookup(id).orElseThrow().isPending()).isTrue();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		Reply longest = idempotentPost(respond,
				"{\"value\": \"Approve\", \"respondedBy\": \"" + "a".repeat(320) + "\"}", "k".repeat(255));

		assertThat(longest.status()).as("%s", longest.body()).isEqualTo(200);
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("a".repeat(320));
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		Reply docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").has("/api/v1/actions/{id}/respond")).isTrue();
		assertThat(docs.body().get("paths").get("/api/v1/actions/{id}/reassign").get("post").get("summary").asText())
			.contains("Pass a pending action");
		assertThat(docs.body().get("paths").has("/api/v1/actions/{id}/recipients")).isTrue();
		assertThat(docs.body().get("paths").get("/api/v1/chat/{sessionId}/link").get("post").get("description")
			.asText()).contains("\"user\"");
		assertThat(docs.body().get("components").get("schemas").get("ReassignRequest").get("properties").has("to"))
			.isTrue();
		assertThat(this.api.rest().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private ProcessInstance start() {
		return this.runtime.startProcessInstanceByKey(this.key, Map.of("orderId", 1));
	}

	private ActionRequest actionOf(ProcessInstance instance) {
		return this.actions.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow();
	}

	private List<String> auditEvents(UUID id) {
		return this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ? ORDER BY timestamp",
				String.class, id);
	}

	/** A problem, and one that gives away no stack trace. */
	private static void assertProblem(Reply reply, int status, String detail) {
		HilApi.assertProblem(reply, status, detail);
		assertThat(reply.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	/** A problem in the caller's terms: no Java type, nor the JSON reader's settings or view of its source. */
	private static void assertPlainProblem(Reply reply, int status, String detail) {
		assertProblem(reply, status, detail);
		assertThat(reply.body().get("detail").asText()).doesNotContainIgnoringCase("java")
			.doesNotContain("`")
			.doesNotContain("Source")
			.doesNotContain("StreamRead")
			.doesNotContain("arraylist")
			.doesNotContain("linkedhashmap")
			.doesNotContain("integer");
	}

	private Reply idempotentPost(String path, String body, String idempotencyKey) {
		return this.api.send("POST", path, body, Map.of("Idempotency-Key", idempotencyKey));
	}

}
