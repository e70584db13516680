package dev.camundahil.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionService;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.channel.TestChannels.FlakyChannel;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatches API over real HTTP: failed dispatches listed, one retried until it is delivered, and bad input
 * refused with problem JSON that changes nothing.
 */
@H2Test
@Import(TestChannels.class)
@TestPropertySource(properties = { "hil.dispatch.retry-schedule=100ms", "hil.dispatch.interval=200ms" })
class DispatchApiTest {

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

	@Autowired
	FlakyChannel flaky;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aFailedDispatchIsListedAndRetriedUntilItIsDelivered() throws Exception {
		UUID action = startFailingTwice();
		await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(statusOf(action)));

		JsonNode failed = this.json.readTree(get("/api/v1/dispatches?status=failed&actionId=" + action).body());
		assertThat(this.json.readTree(get("/api/v1/dispatches?status=FAILED&actionId=" + action).body()))
			.as("a status in any case, as the actions list takes it").isEqualTo(failed);
		assertThat(failed.get("items")).hasSize(1);
		JsonNode row = failed.get("items").get(0);
		assertThat(row.get("status").asText()).isEqualTo("failed");
		assertThat(row.get("attempts").asInt()).isEqualTo(2);
		assertThat(row.get("lastError").asText()).contains("receiver down");
		String id = row.get("id").asText();

		HttpResponse<String> retried = post("/api/v1/dispatches/" + id + "/retry");

		assertThat(retried.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(retried.body()).get("status").asText()).isIn("pending", "delivered");
		await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(statusOf(action)));
		assertThat(this.flaky.deliveries.get(action).get()).isEqualTo(1);
		assertThat(this.actions.auditTrail(action).stream().map(ActionAudit::getEvent))
			.containsSubsequence("dispatch_failed", "dispatched");
		HttpResponse<String> again = post("/api/v1/dispatches/" + id + "/retry");
		assertProblem(again, 409, "only a failed dispatch can be retried");
	}

	@Test
	void badInputIsRefusedWithProblemJson() throws Exception {
		assertProblem(get("/api/v1/dispatches?status=lost"), 400, "'status' must be one of");
		assertProblem(get("/api/v1/dispatches?size=0"), 400, "'size' must be between 1 and 200");
		assertProblem(get("/api/v1/dispatches?actionId=nope"), 400, "'actionId' must be a UUID");
		assertProblem(post("/api/v1/dispatches/nope/retry"), 400, "'id' must be a UUID");
		assertProblem(post("/api/v1/dispatches/" + UUID.randomUUID() + "/retry"), 404, "No dispatch");
		assertThat(this.http.send(HttpRequest.newBuilder(uri("/api/v1/dispatches")).GET().build(),
				BodyHandlers.ofString()).statusCode()).as("without a key").isEqualTo(401);
	}

	@Test
	void aDispatchOfAClosedActionIsNotRetried() throws Exception {
		UUID action = startFailingTwice();
		await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(statusOf(action)));
		this.actions.cancel(action, "no longer needed", "tests");
		String id = this.jdbc.queryForObject("SELECT id FROM action_dispatch WHERE action_id = ?", String.class, action);

		assertProblem(post("/api/v1/dispatches/" + id + "/retry"), 409, "no longer waits");
		assertThat(statusOf(action)).isEqualTo("failed");
	}

	@Test
	void theOpenApiDescriptionHasTheRetries() throws Exception {
		JsonNode paths = this.json.readTree(get("/v3/api-docs").body()).get("paths");

		assertThat(paths.has("/api/v1/dispatches")).isTrue();
		assertThat(paths.get("/api/v1/dispatches/{id}/retry").has("post")).isTrue();
		assertThat(paths.get("/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry").has("post")).isTrue();
		assertThat(paths.has("/hil/ping")).as("the links' ping is no API").isFalse();
	}

	private UUID startFailingTwice() {
		String key = HilProcesses.deploy(this.repository, waitingAfter(hilTask(HilProcesses.key("retry"), "Done?",
				"custom").camundaInputParameter("channel", "flakyChannel").camundaInputParameter("failTimes", "2")));
		String instance = this.runtime.startProcessInstanceByKey(key).getId();
		List<UUID> ids = this.jdbc.queryForList("SELECT id FROM action_request WHERE process_instance_id = ?",
				UUID.class, instance);
		return ids.get(0);
	}

	private String statusOf(UUID action) {
		return this.jdbc.queryForObject("SELECT status FROM action_dispatch WHERE action_id = ? AND purpose = 'request'",
				String.class, action);
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(response.body()).get("detail").asText()).contains(detail);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", "test-key").GET().build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("X-API-Key", "test-key")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
