package dev.camundahil.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Retry now" of a failed webhook delivery over real HTTP: sent once more to a receiver that recovered, and refused
 * with problem JSON where there is nothing to retry.
 */
@H2Test
@TestPropertySource(properties = { "hil.webhooks.allowed-hosts=127.0.0.1", "hil.webhooks.retry-schedule=0s",
		"hil.webhooks.interval=200ms", "hil.webhooks.endpoint-backoff=100ms", "hil.webhooks.max-endpoint-backoff=100ms",
		"hil.webhooks.encryption-key=webhook-retry-test-key" })
class WebhookRetryApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aFailedDeliveryIsSentAgainOnRequest() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.onLoopback()) {
			receiver.answer(500);
			String webhook = this.json.readTree(post("/api/v1/webhooks", "{\"url\": \"" + receiver.url()
					+ "\", \"events\": [\"action.created\"]}").body()).get("id").asText();
			String flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("hookRetry")));
			this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 1));
			await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(delivery(webhook).get("status").asText()));
			String id = delivery(webhook).get("id").asText();

			HttpResponse<String> retried = post("/api/v1/webhooks/" + webhook + "/deliveries/" + id + "/retry", "");

			assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "delivered".equals(delivery(webhook).get("status").asText()));
			assertThat(delivery(webhook).get("attempts").asInt()).isEqualTo(2);
			assertThat(receiver.answered()).extracting(WebhookReceiver.Answered::status).containsExactly(500, 200);

			HttpResponse<String> again = post("/api/v1/webhooks/" + webhook + "/deliveries/" + id + "/retry", "");
			assertThat(again.statusCode()).isEqualTo(409);
			assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(this.json.readTree(again.body()).get("detail").asText())
				.contains("only a failed delivery can be retried");
			HttpResponse<String> unknown = post("/api/v1/webhooks/" + webhook + "/deliveries/msg_nope/retry", "");
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(this.json.readTree(unknown.body()).get("detail").asText()).contains("has no delivery msg_nope");
		}
	}

	private JsonNode delivery(String webhook) throws IOException, InterruptedException {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/api/v1/webhooks/" + webhook + "/deliveries"))
			.header("X-API-Key", "test-key")
			.GET()
			.build(), BodyHandlers.ofString());
		return this.json.readTree(page.body()).get("items").get(0);
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("X-API-Key", "test-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
