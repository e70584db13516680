package dev.camundahil.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health contributor {@code hil} of the standalone app over HTTP, and its readiness: driven down by a webhook
 * receiver that keeps failing and by a mail server that stops, up again once the failing part is gone.
 */
@H2Test
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HilHealthTest {

	static final String KEY = "test-key";

	static final String MAILBOX = "hil@localhost";

	static final GreenMail mail = startedMail();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("hil.mail.from", () -> MAILBOX);
		registry.add("hil.mail.inbound.host", () -> "127.0.0.1");
		registry.add("hil.mail.inbound.port", () -> mail.getImap().getPort());
		registry.add("hil.mail.inbound.username", () -> MAILBOX);
		registry.add("hil.mail.inbound.password", () -> "secret");
		registry.add("hil.mail.inbound.poll-interval", () -> "1s");
		registry.add("hil.health.mailbox-missed-polls", () -> "2");
		registry.add("hil.health.mail-check-interval", () -> "0s");
		registry.add("hil.health.webhook-max-delay", () -> "1s");
		registry.add("hil.webhooks.allowed-hosts", () -> "127.0.0.1");
		registry.add("hil.webhooks.retry-schedule", () -> "0s,0s,0s,0s,0s");
		registry.add("hil.webhooks.endpoint-backoff", () -> "1h");
		registry.add("hil.webhooks.max-endpoint-backoff", () -> "1h");
		registry.add("hil.webhooks.interval", () -> "200ms");
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@Test
	@Order(1)
	void aReceiverThatKeepsFailingTakesWebhooksDownUntilItsWebhookIsGone() throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(member("replyMailbox")).isEqualTo("UP"));
		assertThat(member("mail")).isEqualTo("UP");
		assertThat(member("dispatch")).isEqualTo("UP");
		assertThat(member("webhooks")).isEqualTo("UP");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		AtomicInteger requests = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		receiver.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		receiver.start();
		try {
			String webhook = this.json.readTree(post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:"
					+ receiver.getAddress().getPort() + "/hook\", \"events\": [\"*\"]}").body()).get("id").asText();
			String flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("health")));
			this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 1));

			// down once a delivery has waited a second, which one whose event committed slowly may have done before
			// its first attempt: the attempt's failure then starts the back-off a moment later
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode webhooks = hil().get("components").get("webhooks");
				assertThat(webhooks.get("status").asText()).isEqualTo("DOWN");
				assertThat(webhooks.get("details").get("backingOff").toString()).contains(webhook);
				assertThat(webhooks.get("details").get("due").asLong()).isPositive();
			});
			assertThat(requests.get()).as("one attempt, then the back-off holds the rest").isEqualTo(1);
			assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);

			assertThat(delete("/api/v1/webhooks/" + webhook).statusCode()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(member("webhooks")).isEqualTo("UP"));
			assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	@Order(2)
	void aStoppedMailServerTakesMailAndTheReplyMailboxDown() throws Exception {
		assertThat(member("mail")).isEqualTo("UP");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(member("replyMailbox")).isEqualTo("UP"));

		mail.stop();

		assertThat(member("mail")).isEqualTo("DOWN");
		assertThat(hil().get("components").get("mail").get("details").get("error").asText()).isNotBlank();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(member("replyMailbox")).isEqualTo("DOWN"));
		assertThat(hil().get("components").get("replyMailbox").get("details").get("error").asText()).isNotBlank();
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(this.json.readTree(get("/actuator/health/readiness").body()).get("status").asText())
			.isEqualTo("DOWN");
	}

	private String member(String name) throws IOException, InterruptedException {
		JsonNode member = hil().get("components").get(name);
		assertThat(member).as("member %s of hil", name).isNotNull();
		return member.get("status").asText();
	}

	private JsonNode hil() throws IOException, InterruptedException {
		return this.json.readTree(get("/actuator/health/hil").body());
	}

	private static GreenMail startedMail() {
		GreenMail server = new GreenMail(new ServerSetup[] { ServerSetup.SMTP.dynamicPort(),
				ServerSetup.IMAP.dynamicPort() });
		server.start();
		server.setUser(MAILBOX, MAILBOX, "secret");
		return server;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", KEY).DELETE().build(),
				BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("X-API-Key", KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
