package dev.camundahil.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone app's {@code /actuator/prometheus} over real HTTP: behind an API key, and with the plugin's meters
 * following actions as they are opened, dispatched and answered. (Spring Boot's tests leave metrics export off
 * unless asked, as here.)
 */
@H2Test
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "hil.metrics.refresh-interval=0s")
class PrometheusEndpointTest {

	static final String KEY = "test-key";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theEndpointNeedsAnApiKeyAsHeaderOrBearerToken() throws Exception {
		assertThat(get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", Map.of("X-API-Key", "wrong")).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/env", Map.of()).statusCode()).as("endpoints that are not exposed").isIn(401, 404);

		assertThat(get("/actuator/prometheus", Map.of("X-API-Key", KEY)).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer " + KEY)).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health", Map.of()).statusCode()).as("health stays open").isEqualTo(200);
	}

	@Test
	void linksThatDoNotReachTheAppShowWithoutFailingItsHealth() {
		// hil.links.base-url keeps its default, http://localhost:8080, where this app does not listen
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> health = get("/actuator/health", Map.of());
			JsonNode body = new ObjectMapper().readTree(health.body());
			assertThat(body.get("components").get("hilLinks").get("status").asText()).isEqualTo("WARNING");
			assertThat(body.get("status").asText()).isEqualTo("UP");
			assertThat(health.statusCode()).isEqualTo(200);
		});
	}

	@Test
	void actionsAreCountedAsTheyAreOpenedDispatchedAndAnswered() throws Exception {
		String flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("metrics")));
		ProcessInstance first = this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 1));
		this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 2));

		PrometheusScrape opened = scrape();
		assertThat(opened.value("hil_actions_total", "event", "created", "flow", flow, "channel", "none"))
			.isEqualTo(2.0);
		assertThat(opened.value("hil_actions_pending", "flow", flow)).isEqualTo(2.0);
		assertThat(opened.value("hil_dispatches_total", "purpose", "request", "outcome", "delivered"))
			.as("the chat delivers in the opening transaction")
			.isGreaterThanOrEqualTo(2.0);

		UUID id = this.actions.findByProcessInstanceId(first.getId()).get(0).getId();
		HttpResponse<String> answer = post("/api/v1/actions/" + id + "/respond", "{\"value\": \"Approve\"}");
		assertThat(answer.statusCode()).isEqualTo(200);

		PrometheusScrape answered = scrape();
		assertThat(answered.value("hil_actions_total", "event", "completed", "flow", flow, "channel", "api"))
			.isEqualTo(1.0);
		assertThat(answered.value("hil_actions_response_seconds_count", "flow", flow, "channel", "api"))
			.isEqualTo(1.0);
		assertThat(answered.value("hil_actions_pending", "flow", flow)).isEqualTo(1.0);
	}

	@Test
	void repliesAndEmailsAreCountedFromWhatTheActionRecords() throws Exception {
		String flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("replies")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 3));
		UUID id = this.actions.findByProcessInstanceId(instance.getId()).get(0).getId();
		PrometheusScrape before = scrape();

		this.actions.recordDispatched(id, Map.of("outputType", "email", "channel", "hilEmailChannel", "purpose",
				"request"));
		this.actions.recordReminded(id, Map.of("outputType", "email", "channel", "hilEmailChannel", "purpose",
				"reminder"));
		this.actions.recordReply(id, AuditEvents.REPLY_IGNORED, Map.of(), "ann@example.com");
		this.actions.recordReply(id, AuditEvents.REPLY_REJECTED, Map.of(), "eve@example.com");
		this.actions.recordReply(id, AuditEvents.REPLY_REJECTED, Map.of(), "eve@example.com");

		PrometheusScrape after = scrape();
		assertThat(increase(before, after, "hil_emails_sent_total", "purpose", "request")).isEqualTo(1.0);
		assertThat(increase(before, after, "hil_emails_sent_total", "purpose", "reminder")).isEqualTo(1.0);
		assertThat(increase(before, after, "hil_dispatches_total", "channel", "hilEmailChannel", "outcome", "delivered"))
			.isEqualTo(2.0);
		assertThat(increase(before, after, "hil_replies_total", "outcome", "ignored")).isEqualTo(1.0);
		assertThat(increase(before, after, "hil_replies_total", "outcome", "rejected")).isEqualTo(2.0);
		assertThat(increase(before, after, "hil_actions_total", "event", "reminded", "flow", flow)).isEqualTo(1.0);
	}

	@Test
	void theOutboxesHaveTheirGaugesAndCounters() throws Exception {
		PrometheusScrape scrape = scrape();

		assertThat(scrape.value("hil_dispatch_backlog")).isNotNull();
		assertThat(scrape.value("hil_dispatch_oldest_due_seconds")).isNotNull();
		assertThat(scrape.value("hil_dispatch_failed")).isNotNull();
		assertThat(scrape.value("hil_webhook_backlog")).isNotNull();
		assertThat(scrape.value("hil_webhook_oldest_due_seconds")).isNotNull();
		assertThat(scrape.value("hil_webhook_failed")).isNotNull();
		assertThat(scrape.value("hil_webhook_endpoints_failing")).isZero();
		assertThat(scrape.value("hil_webhook_deliveries_total", "outcome", "delivered")).isNotNull();
		assertThat(scrape.value("hil_webhook_deliveries_total", "outcome", "failed")).isNotNull();
	}

	private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		Double earlier = before.value(name, labels);
		Double later = after.value(name, labels);
		return ((later != null) ? later : 0) - ((earlier != null) ? earlier : 0);
	}

	private PrometheusScrape scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = get("/actuator/prometheus", Map.of("X-API-Key", KEY));
		assertThat(response.statusCode()).isEqualTo(200);
		return PrometheusScrape.parse(response.body());
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
		headers.forEach(request::header);
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

}
