package dev.camundahil.webhook;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.InvalidSettingException;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.NewAction;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.webhook.WebhookDeliveries.NewDelivery;
import dev.camundahil.webhook.WebhookReceiver.Received;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end on PostgreSQL: the API, the outbox, signed deliveries to real receivers on loopback checked
 * with the Standard Webhooks library, retries on a compressed schedule, 410, Retry-After, slow receivers, SSRF.
 */
@PostgresTest
@TestPropertySource(properties = { "hil.webhooks.allowed-hosts=127.0.0.1,localhost",
		"hil.webhooks.retry-schedule=0s,200ms,200ms,200ms", "hil.webhooks.interval=200ms",
		"hil.webhooks.timeout=3s", "hil.webhooks.endpoint-backoff=200ms", "hil.webhooks.max-endpoint-backoff=200ms",
		"hil.webhooks.encryption-key=webhook-test-encryption-key" })
@ExtendWith(OutputCaptureExtension.class)
class WebhookTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecretBox secrets;

	@Autowired
	ActiveWebhooks activeWebhooks;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	final ObjectMapper json = new ObjectMapper();

	RestClient http;

	WebhookReceiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader("X-API-Key", "test-key")
			.build();
		this.receiver = WebhookReceiver.onLoopback();
		deleteAllWebhooks();
	}

	@AfterEach
	void tearDown() {
		deleteAllWebhooks();
		this.receiver.close();
	}

	@Test
	void deliveriesAreSignedPerStandardWebhooksAndCarryTheAction() throws Exception {
		Reply created = send("POST", "/api/v1/webhooks",
				"{\"url\": \"" + this.receiver.url() + "\", \"events\": [\"action.completed\"], \"active\": true}");
		assertThat(created.status()).isEqualTo(201);
		String secret = created.body().get("secret").asText();
		UUID webhookId = UUID.fromString(created.body().get("id").asText());
		assertThat(created.cacheControl()).isEqualTo("no-store");

		ActionRequest action = newAction();
		this.actions.respond(action.getId(), new ResponseCommand("yes", "ann", null, "api", null, "in a hurry"));

		eventually(() -> this.receiver.about(action.getId()).size() == 1);
		Received delivery = this.receiver.about(action.getId()).get(0);
		delivery.verify(secret);
		assertThat(delivery.header("webhook-id")).startsWith("msg_");
		assertThat(delivery.header("webhook-signature")).startsWith("v1,");
		assertThat(delivery.header("content-type")).startsWith("application/json");
		JsonNode payload = delivery.payload();
		assertThat(payload.get("type").asText()).isEqualTo("action.completed");
		assertThat(payload.get("timestamp").isTextual()).isTrue();
		assertThat(payload.get("data").get("action").get("status").asText()).isEqualTo("completed");
		assertThat(payload.get("data").get("action").get("response").get("value").asText()).isEqualTo("yes");
		assertThat(payload.get("data").get("respondedBy").asText()).isEqualTo("ann");
		assertThat(payload.get("data").get("channel").asText()).isEqualTo("api");
		assertThat(payload.get("data").get("action").get("response").get("channel").asText()).isEqualTo("api");
		assertThat(payload.get("data").get("action").get("comment").asText()).isEqualTo("in a hurry");

		eventually(() -> "delivered".equals(deliveries(webhookId).get(0).get("status").asText()));
		JsonNode row = deliveries(webhookId).get(0);
		assertThat(row.get("id").asText()).isEqualTo(delivery.header("webhook-id"));
		assertThat(row.get("attempts").asInt()).isEqualTo(1);
		assertThat(row.get("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(row.get("eventType").asText()).isEqualTo("action.completed");
		assertThat(row.get("deliveredAt").isNull()).isFalse();
		assertThat(send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null).body().get("total").asLong())
			.as("action.created is not subscribed: one delivery only")
			.isEqualTo(1);
	}

	@Test
	void aReassignmentIsAnEventWithWhoPassedTheActionFromWhomToWhomAndWhy() throws Exception {
		String secret = createWebhook(this.receiver.url(), "action.reassigned").get("secret").asText();
		ActionRequest action = this.actions.create(new NewAction("webhookTest", "session-" + UUID.randomUUID(), "ask",
				List.of("email"), "Proceed?", Map.of(), Map.of("to", List.of("ann@hooks.example")), null, null, null));

		this.actions.reassign(action.getId(), new dev.camundahil.action.Reassignment(List.of(),
				List.of("bob@hooks.example"), "Ann is away", "clerk", false));

		eventually(() -> this.receiver.about(action.getId()).size() == 1);
		Received delivery = this.receiver.about(action.getId()).get(0);
		delivery.verify(secret);
		JsonNode data = delivery.payload().get("data");
		assertThat(delivery.payload().get("type").asText()).isEqualTo("action.reassigned");
		assertThat(data.get("action").get("status").asText()).isEqualTo("pending");
		assertThat(data.get("from").toString()).isEqualTo("[\"ann@hooks.example\"]");
		assertThat(data.get("to").toString()).isEqualTo("[\"bob@hooks.example\"]");
		assertThat(data.get("reason").asText()).isEqualTo("Ann is away");
		assertThat(data.get("by").asText()).isEqualTo("clerk");
		assertThat(data.get("delegated").asBoolean()).isFalse();
		assertThat(data.has("recipients")).isFalse();
	}

	@Test
	void anExtensionIsAnEventWithTheDeadlineBeforeAndAfter() throws Exception {
		String secret = createWebhook(this.receiver.url(), "action.extended").get("secret").asText();
		java.time.Instant deadline = java.time.Instant.parse("2030-01-01T00:00:00Z");
		ActionRequest action = this.actions.create(new NewAction("webhookTest", "session-" + UUID.randomUUID(), "ask",
				List.of("chat"), "Proceed?", Map.of(), Map.of(), null, null, deadline));

		this.actions.extend(action.getId(), Duration.ofDays(2), "clerk");

		eventually(() -> this.receiver.about(action.getId()).size() == 1);
		Received delivery = this.receiver.about(action.getId()).get(0);
		delivery.verify(secret);
		JsonNode data = delivery.payload().get("data");
		assertThat(delivery.payload().get("type").asText()).isEqualTo("action.extended");
		assertThat(data.get("action").get("status").asText()).isEqualTo("pending");
		assertThat(data.get("previousExpiresAt").asText()).isEqualTo("2030-01-01T00:00:00Z");
		assertThat(data.get("expiresAt").asText()).isEqualTo("2030-01-03T00:00:00Z");
		assertThat(java.time.Instant.parse(data.get("action").get("expiresAt").asText()))
			.isEqualTo("2030-01-03T00:00:00Z");
	}

	@Test
	void aDefaultDecisionIsACompletionMarkedDefaulted() throws Exception {
		createWebhook(this.receiver.url(), "action.completed");
		ActionRequest action = this.actions.create(new NewAction("webhookTest", "session-" + UUID.randomUUID(), "ask",
				List.of("chat"), "Proceed?", Map.of(), Map.of("expectedResponse", List.of("Yes", "No"), "onTimeout",
						"default", "defaultResponse", "No"), null, null, java.time.Instant.now().minusSeconds(1)));

		this.actions.expire(action.getId());

		eventually(() -> this.receiver.about(action.getId()).size() == 1);
		JsonNode payload = this.receiver.about(action.getId()).get(0).payload();
		assertThat(payload.get("type").asText()).isEqualTo("action.completed");
		assertThat(payload.get("data").get("defaulted").asBoolean()).isTrue();
		assertThat(payload.get("data").get("respondedBy").asText()).isEqualTo("timeout");
		assertThat(payload.get("data").get("action").get("response").get("value").asText()).isEqualTo("No");
	}

	@Test
	void aFailingReceiverGetsRetriesOnTheScheduleWithOneWebhookIdUntilItSucceeds() throws Exception {
		this.receiver.answer(500, 502);
		String secret = createWebhook(this.receiver.url(), "action.created").get("secret").asText();

		ActionRequest action = newAction();

		eventually(() -> this.receiver.about(action.getId()).size() == 3);
		String deliveryId = this.receiver.about(action.getId()).get(0).header("webhook-id");
		// the receiver has answered the third attempt a moment before its success is recorded
		eventually(() -> "delivered".equals(this.jdbc.queryForObject(
				"SELECT status FROM action_webhook_delivery WHERE id = ?", String.class, deliveryId)));
		Thread.sleep(1000); // time for a fourth attempt, which must not come
		List<Received> attempts = this.receiver.about(action.getId());
		assertThat(attempts).hasSize(3);
		for (Received attempt : attempts) {
			attempt.verify(secret);
		}
		assertThat(attempts).extracting((attempt) -> attempt.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
		assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
		for (int i = 1; i < attempts.size(); i++) {
			assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()))
				.as("attempt %d waits for the schedule's 200ms", i + 1)
				.isGreaterThanOrEqualTo(Duration.ofMillis(200));
		}
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT status, attempts, last_status_code FROM action_webhook_delivery WHERE id = ?", deliveryId);
		assertThat(row).containsEntry("status", "delivered").containsEntry("attempts", 3).containsEntry("last_status_code", 200);
	}

	@Test
	void afterTheLastAttemptTheDeliveryIsFailedAndVisible() throws Exception {
		this.receiver.answer(500, 500, 500, 500, 500, 500);
		UUID webhookId = id(createWebhook(this.receiver.url(), "action.created"));

		ActionRequest action = newAction();

		eventually(() -> "failed".equals(deliveries(webhookId).get(0).get("status").asText()));
		JsonNode row = deliveries(webhookId).get(0);
		assertThat(row.get("attempts").asInt()).as("one attempt per entry of the schedule").isEqualTo(4);
		assertThat(row.get("lastStatusCode").asInt()).isEqualTo(500);
		assertThat(row.get("lastError").asText()).startsWith("HTTP 500");
		assertThat(row.get("nextAttemptAt").isNull()).isTrue();
		Thread.sleep(600);
		assertThat(this.receiver.about(action.getId())).hasSize(4);
	}

	@Test
	void redirectsAreNotFollowed() throws Exception {
		this.receiver.answer(302, Map.of("Location", "http://127.0.0.1:" + this.receiver.port() + "/elsewhere"));
		UUID webhookId = id(createWebhook(this.receiver.url(), "action.created"));

		ActionRequest action = newAction();

		eventually(() -> "delivered".equals(deliveries(webhookId).get(0).get("status").asText()));
		assertThat(this.receiver.about(action.getId())).extracting(Received::path).containsExactly("/hook", "/hook");
		assertThat(deliveries(webhookId).get(0).get("attempts").asInt()).as("a 302 is a failed attempt").isEqualTo(2);
	}

	@Test
	void goneDisablesTheWebhook() throws Exception {
		this.receiver.answer(410);
		UUID webhookId = id(createWebhook(this.receiver.url(), "*"));

		ActionRequest action = newAction();

		eventually(() -> !send("GET", "/api/v1/webhooks/" + webhookId, null).body().get("active").asBoolean());
		eventually(() -> "failed".equals(deliveries(webhookId).get(0).get("status").asText()));
		assertThat(deliveries(webhookId).get(0).get("lastStatusCode").asInt()).isEqualTo(410);
		assertThat(deliveries(webhookId).get(0).get("attempts").asInt()).isEqualTo(1);
		// the node forgets its list of active webhooks a moment after it has disabled the webhook in the database (an
		// event in between still gets a delivery, cancelled when it is claimed): at once, well within
		// hil.webhooks.cache-ttl (5 s), after which the list would be read again anyway
		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.activeWebhooks.subscribedTo("action.cancelled").isEmpty());

		this.actions.cancel(action.getId(), "no longer needed", "test");
		ActionRequest another = newAction();
		Thread.sleep(600);
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(this.receiver.about(another.getId())).isEmpty();
		assertThat(send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null).body().get("total").asLong())
			.as("a disabled webhook gets no new deliveries")
			.isEqualTo(1);
	}

	@Test
	void aDeliveryWhoseRowAnotherSenderTookDuringTheSendIsLeftToThatSender(CapturedOutput output) throws Exception {
		UUID webhookId = id(createWebhook(this.receiver.url(), "action.created"));
		this.receiver.holdRequests();
		ActionRequest action = newAction();
		eventually(() -> this.receiver.about(action.getId()).size() == 1);
		String deliveryId = this.receiver.about(action.getId()).get(0).header("webhook-id");

		// while the receiver holds the request, another sender claims the row, as one does once a claim has run out
		UUID otherClaim = UUID.randomUUID();
		this.jdbc.update("UPDATE action_webhook_delivery SET claim_token = ?, next_attempt_at = ? WHERE id = ?",
				otherClaim, Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC), deliveryId);
		this.receiver.letGo();

		eventually(() -> output.getOut().contains("Webhook delivery " + deliveryId + " reached webhook " + webhookId
				+ " on attempt 1, but its row had changed meanwhile"));
		assertThat(output.getOut()).doesNotContain("Webhook delivery " + deliveryId + " (action.created) to webhook "
				+ webhookId + " delivered");
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT status, attempts, claim_token, delivered_at FROM action_webhook_delivery WHERE id = ?", deliveryId);
		assertThat(row).as("the row as the other sender holds it")
			.containsEntry("status", "pending")
			.containsEntry("attempts", 0)
			.containsEntry("claim_token", otherClaim)
			.containsEntry("delivered_at", null);
	}

	@Test
	void retryAfterIsHonoured() throws Exception {
		this.receiver.answer(503, Map.of("Retry-After", "1"));
		createWebhook(this.receiver.url(), "action.created");

		ActionRequest action = newAction();

		eventually(() -> this.receiver.about(action.getId()).size() == 2);
		List<Received> attempts = this.receiver.about(action.getId());
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.as("Retry-After: 1 overrides the schedule's 200ms")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aSlowReceiverDoesNotHoldUpDeliveriesToOthers() throws Exception {
		try (WebhookReceiver slow = WebhookReceiver.onLoopback()) {
			slow.holdRequests();
			createWebhook(slow.url(), "action.created");
			createWebhook(this.receiver.url(), "action.created");

			List<UUID> created = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				created.add(newAction().getId());
			}

			eventually(() -> created.stream().allMatch((id) -> this.receiver.about(id).size() == 1));
			assertThat(slow.received().size())
				.as("the slow receiver holds at most its share of delivery threads")
				.isLessThanOrEqualTo(2);
			slow.letGo();
			eventually(() -> created.stream().allMatch((id) -> slow.about(id).size() >= 1));
		}
	}

	@Test
	void unsafeUrlsAreRefusedAtCreation() {
		Map<String, String> refused = Map.of("http://169.254.169.254/latest/meta-data", "link-local",
				"http://10.0.0.1/hook", "private", "http://[::ffff:127.0.0.1]:" + this.receiver.port() + "/hook",
				"IPv4-mapped", "http://2130706433/hook", "unusual spelling", "http://0x7f.1/hook", "unusual spelling",
				"http://0177.0.0.1/hook", "unusual spelling", "http://127.0.0.2/hook", "loopback", "http://[::1]/hook",
				"loopback", "ftp://example.com/hook", "http:// or https://", "http://user:pw@127.0.0.1/hook",
				"user name or password");
		refused.forEach((url, reason) -> {
			Reply reply = send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"*\"]}");
			assertThat(reply.status()).as(url).isEqualTo(400);
			assertThat(reply.contentType()).isEqualTo("application/problem+json");
			assertThat(reply.body().get("detail").asText()).as(url).contains(reason);
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_webhook", Long.class)).isZero();

		UUID webhookId = id(createWebhook(this.receiver.url(), "*"));
		Reply patched = send("PATCH", "/api/v1/webhooks/" + webhookId, "{\"url\": \"http://192.168.1.1/hook\"}");
		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.body().get("detail").asText()).contains("private");
		assertThat(send("GET", "/api/v1/webhooks/" + webhookId, null).body().get("url").asText())
			.isEqualTo(this.receiver.url());
	}

	@Test
	void everyAddressIsCheckedAgainWhenADeliveryConnects() throws Exception {
		try (WebhookReceiver everywhere = WebhookReceiver.onAllInterfaces()) {
			// a URL that passed when it was stored and points to a loopback address now (as after a DNS change)
			UUID webhookId = UUID.randomUUID();
			this.jdbc.update("INSERT INTO action_webhook (id, url, events, secret, active) VALUES (?, ?, ?, ?, true)",
					webhookId, "http://127.0.0.2:" + everywhere.port() + "/hook", new String[] { "*" },
					this.secrets.seal(WebhookSecrets.generate(), webhookId));
			this.activeWebhooks.forget(); // written behind the API's back: as if the cache had run out

			newAction();

			eventually(() -> {
				JsonNode rows = deliveries(webhookId);
				return rows.size() == 1 && rows.get(0).get("attempts").asInt() >= 1;
			});
			assertThat(deliveries(webhookId).get(0).get("lastError").asText()).contains("refused").contains("loopback");
			assertThat(everywhere.received()).isEmpty();
		}
	}

	@Test
	void theSecretIsShownAtCreationOnlyAndStoredEncrypted(CapturedOutput output) throws Exception {
		Reply created = send("POST", "/api/v1/webhooks", "{\"url\": \"" + this.receiver.url() + "\", \"events\": [\"*\"]}");
		String secret = created.body().get("secret").asText();
		UUID webhookId = id(created.body());
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
		assertThat(created.body().get("active").asBoolean()).as("active by default").isTrue();

		assertThat(send("GET", "/api/v1/webhooks/" + webhookId, null).body().has("secret")).isFalse();
		assertThat(send("GET", "/api/v1/webhooks", null).body().get(0).has("secret")).isFalse();
		Reply patched = send("PATCH", "/api/v1/webhooks/" + webhookId, "{\"events\": [\"action.created\"]}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().has("secret")).isFalse();
		assertThat(patched.body().get("events")).hasSize(1);

		String stored = this.jdbc.queryForObject("SELECT secret FROM action_webhook WHERE id = ?", String.class, webhookId);
		assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));

		ActionRequest first = newAction();
		eventually(() -> this.receiver.about(first.getId()).size() == 1);
		this.receiver.about(first.getId()).get(0).verify(secret);

		String rotated = WebhookSecrets.generate();
		Reply rotation = send("PATCH", "/api/v1/webhooks/" + webhookId, "{\"secret\": \"" + rotated + "\"}");
		assertThat(rotation.status()).isEqualTo(200);
		assertThat(rotation.body().has("secret")).isFalse();
		ActionRequest second = newAction();
		eventually(() -> this.receiver.about(second.getId()).size() == 1);
		this.receiver.about(second.getId()).get(0).verify(rotated);

		assertThat(output.getAll()).doesNotContain(secret).doesNotContain(rotated)
			.doesNotContain(secret.substring(6)).doesNotContain(rotated.substring(6));
	}

	@Test
	void aGivenSecretIsUsedAndABadOneRefused() throws Exception {
		String given = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]).replace('A', 'B');
		Reply created = send("POST", "/api/v1/webhooks",
				"{\"url\": \"" + this.receiver.url() + "\", \"events\": [\"action.created\"], \"secret\": \"" + given + "\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("secret").asText()).isEqualTo(given);
		ActionRequest action = newAction();
		eventually(() -> this.receiver.about(action.getId()).size() == 1);
		this.receiver.about(action.getId()).get(0).verify(given);

		Reply shortSecret = send("POST", "/api/v1/webhooks",
				"{\"url\": \"" + this.receiver.url() + "\", \"events\": [\"*\"], \"secret\": \"whsec_c2hvcnQ=\"}");
		assertThat(shortSecret.status()).isEqualTo(400);
		assertThat(shortSecret.body().get("detail").asText()).contains("24 to 64 bytes").doesNotContain("c2hvcnQ");
		Reply notBase64 = send("POST", "/api/v1/webhooks",
				"{\"url\": \"" + this.receiver.url() + "\", \"events\": [\"*\"], \"secret\": \"whsec_!!!\"}");
		assertThat(notBase64.status()).isEqualTo(400);
	}

	@Test
	void eventsFilterWhatAWebhookGets() throws Exception {
		try (WebhookReceiver everything = WebhookReceiver.onLoopback()) {
			createWebhook(this.receiver.url(), "action.cancelled");
			createWebhook(everything.url(), "*");

			ActionRequest action = newAction();
			this.actions.cancel(action.getId(), "withdrawn", "test");

			eventually(() -> everything.about(action.getId()).size() == 2);
			eventually(() -> this.receiver.about(action.getId()).size() == 1);
			assertThat(everything.about(action.getId())).extracting(Received::type)
				.containsExactlyInAnyOrder("action.created", "action.cancelled");
			assertThat(this.receiver.about(action.getId())).extracting(Received::type).containsExactly("action.cancelled");
		}
	}

	@Test
	void badRequestsAreProblemsAndChangeNothing() {
		String url = this.receiver.url();
		assertProblem(send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"*\"], \"sekret\": \"x\"}"),
				400, "Unknown field 'sekret'");
		assertProblem(send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": \"*\"}"), 400, "events");
		assertProblem(send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"action.done\"]}"), 400,
				"action.done");
		assertProblem(send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": []}"), 400, "at least one");
		assertProblem(send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\"}"), 400, "'events' is required");
		assertProblem(send("POST", "/api/v1/webhooks", "{\"events\": [\"*\"]}"), 400, "'url' is required");
		assertProblem(send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"*\"], \"active\": \"yes\"}"),
				400, "active");
		assertProblem(send("POST", "/api/v1/webhooks", "not json"), 400, "not valid JSON");
		assertProblem(send("GET", "/api/v1/webhooks/not-a-uuid", null), 400, "'id' must be a UUID");
		assertProblem(send("GET", "/api/v1/webhooks/" + UUID.randomUUID(), null), 404, "No webhook");
		assertProblem(send("PATCH", "/api/v1/webhooks/" + UUID.randomUUID(), "{\"active\": false}"), 404, "No webhook");
		assertProblem(send("DELETE", "/api/v1/webhooks/" + UUID.randomUUID(), null), 404, "No webhook");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_webhook", Long.class)).isZero();

		UUID webhookId = id(createWebhook(url, "*"));
		assertProblem(send("PATCH", "/api/v1/webhooks/" + webhookId, "{\"enabled\": false}"), 400, "Unknown field 'enabled'");
		assertProblem(send("PATCH", "/api/v1/webhooks/" + webhookId, "{\"events\": [\"*\", \"nope\"]}"), 400, "nope");
		assertProblem(send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries?size=0", null), 400, "'size'");
		JsonNode unchanged = send("GET", "/api/v1/webhooks/" + webhookId, null).body();
		assertThat(unchanged.get("active").asBoolean()).isTrue();
		assertThat(unchanged.get("events")).hasSize(1);

		Reply withoutKey = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/api/v1/webhooks")
			.exchange((request, response) -> new Reply(response.getStatusCode().value(), null, null, null));
		assertThat(withoutKey.status()).isEqualTo(401);
	}

	@Test
	void deletingAWebhookRemovesItAndItsDeliveries() throws Exception {
		UUID webhookId = id(createWebhook(this.receiver.url(), "*"));
		ActionRequest action = newAction();
		eventually(() -> this.receiver.about(action.getId()).size() == 1);

		assertThat(send("DELETE", "/api/v1/webhooks/" + webhookId, null).status()).isEqualTo(204);

		assertThat(send("GET", "/api/v1/webhooks/" + webhookId, null).status()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/webhooks", null).body()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_webhook_delivery WHERE webhook_id = ?",
				Long.class, webhookId)).isZero();
		this.actions.cancel(action.getId(), "withdrawn", "test");
		Thread.sleep(500);
		assertThat(this.receiver.about(action.getId())).hasSize(1);
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
		this.receiver.holdRequests();
		UUID webhookId = id(createWebhook(this.receiver.url(), "action.created"));

		ActionRequest action = newAction();

		eventually(() -> deliveries(webhookId).get(0).get("attempts").asInt() >= 1);
		// read while every request is still held: once let go, a retry may succeed before the row is read
		JsonNode row = deliveries(webhookId).get(0);
		this.receiver.letGo();
		assertThat(row.get("lastError").asText()).containsAnyOf("within PT3S", "timed out", "Timeout");
		eventually(() -> "delivered".equals(deliveries(webhookId).get(0).get("status").asText()));
		assertThat(this.receiver.about(action.getId())).extracting((request) -> request.header("webhook-id"))
			.containsOnly(row.get("id").asText())
			.hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aHilTaskInAProcessNotifiesWebhooksFromTheEngineTransaction() throws Exception {
		String key = HilProcesses.key("webhooks");
		this.repository.createDeployment().addModelInstance(key + ".bpmn", HilProcesses.approval(key)).deploy();
		createWebhook(this.receiver.url(), "*");

		this.runtime.startProcessInstanceByKey(key, Map.of("orderId", 7));

		eventually(() -> this.receiver.matching((request) -> key.equals(flowOf(request))).size() == 1);
		Received created = this.receiver.matching((request) -> key.equals(flowOf(request))).get(0);
		assertThat(created.type()).isEqualTo("action.created");
		assertThat(created.payload().get("data").get("action").get("context").get("question").asText())
			.isEqualTo("Approve order 7?");
	}

	private static String flowOf(Received request) {
		return request.payload().path("data").path("action").path("flowId").asText();
	}

	@Test
	void aClaimGivesItsRowsTriedFewerTimesFirstThenOldestFirst() {
		UUID webhook = quietWebhook();
		// due in an hour and claimed as if it were two hours from now, so that the running sweep leaves them alone
		Instant due = Instant.now().plus(Duration.ofHours(1));
		Instant created = Instant.now().minusSeconds(600);
		insertDelivery("msg_claim_thrice", webhook, 3, due.minusSeconds(40), created);
		insertDelivery("msg_claim_once", webhook, 1, due.minusSeconds(30), created.plusSeconds(1));
		insertDelivery("msg_claim_newer", webhook, 0, due.minusSeconds(20), created.plusSeconds(3));
		insertDelivery("msg_claim_older", webhook, 0, due.minusSeconds(10), created.plusSeconds(2));

		Instant later = due.plus(Duration.ofHours(1));
		List<String> claimed = new PostgresWebhookDeliveries(this.jdbc).claimDue(later, later.plusSeconds(60), 10, Set.of())
			.stream()
			.map(WebhookDeliveries.Claimed::id)
			.filter((id) -> id.startsWith("msg_claim_"))
			.toList();

		assertThat(claimed).containsExactly("msg_claim_older", "msg_claim_newer", "msg_claim_once", "msg_claim_thrice");
	}

	@Test
	void aClaimTakesTheWebhooksOldestDueRowsInTurnsAndLeavesTheSkippedWebhooksRowsAsTheyAre() {
		UUID skipped = quietWebhook();
		UUID first = quietWebhook();
		UUID second = quietWebhook();
		Instant due = Instant.now().plus(Duration.ofHours(3));
		Instant created = Instant.now().minusSeconds(600);
		for (int i = 0; i < 5; i++) {
			insertDelivery("msg_turn_held_" + i, skipped, 0, due.minusSeconds(100 + i), created);
		}
		insertDelivery("msg_turn_first_oldest", first, 0, due.minusSeconds(50), created);
		insertDelivery("msg_turn_first_older", first, 0, due.minusSeconds(40), created);
		insertDelivery("msg_turn_second_old", second, 0, due.minusSeconds(20), created);
		insertDelivery("msg_turn_second_later", second, 0, due.plusSeconds(60), created);
		WebhookDeliveries store = new PostgresWebhookDeliveries(this.jdbc);
		// any rows other tests left due are claimed out of the way, until long after the claims below
		store.claimDue(due.minusSeconds(200), due.plus(Duration.ofDays(1)), 10_000, Set.of());

		Instant later = due.plusSeconds(1);
		assertThat(store.claimDue(later, later.plusSeconds(60), 2, Set.of(skipped)))
			.as("the oldest of each webhook first")
			.extracting(WebhookDeliveries.Claimed::id)
			.containsExactlyInAnyOrder("msg_turn_first_oldest", "msg_turn_second_old");
		assertThat(store.claimDue(later, later.plusSeconds(60), 10_000, Set.of(skipped)))
			.as("then what else is due but the skipped webhook's")
			.extracting(WebhookDeliveries.Claimed::id)
			.containsExactly("msg_turn_first_older");
		assertThat(this.jdbc.queryForList("SELECT id FROM action_webhook_delivery WHERE webhook_id = ? AND claim_token IS NULL "
				+ "AND next_attempt_at < ?", String.class, skipped, due.atOffset(ZoneOffset.UTC)))
			.as("the skipped webhook's rows, as they were")
			.hasSize(5);
	}

	@Test
	void theClaimIsPlannedForTheTableAsItIsEveryTimeInsteadOfKeptAsAPreparedStatement() throws Exception {
		try (Connection connection = this.jdbc.getDataSource().getConnection()) {
			JdbcTemplate oneConnection = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			WebhookDeliveries store = new PostgresWebhookDeliveries(oneConnection);
			// a year ago nothing was due; more runs than the driver's threshold for preparing a statement
			Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
			for (int i = 0; i < 10; i++) {
				assertThat(store.claimDue(yearAgo, yearAgo, 1, Set.of())).isEmpty();
			}

			assertThat(oneConnection.queryForList("SELECT statement FROM pg_prepared_statements", String.class))
				.as("statements prepared on the connection")
				.noneMatch((statement) -> statement.contains("UPDATE action_webhook_delivery SET next_attempt_at"));
		}
	}

	@Test
	void endedDeliveriesAreDeletedOnceTheirRetentionHasPassedAndPendingOnesNever() {
		UUID webhook = quietWebhook();
		Instant longAgo = Instant.now().minus(Duration.ofDays(40));
		Instant lately = Instant.now().minus(Duration.ofDays(20));
		insertEnded("msg_retention_delivered_old", webhook, "delivered", longAgo);
		insertEnded("msg_retention_failed_old", webhook, "failed", longAgo);
		insertEnded("msg_retention_cancelled_old", webhook, "cancelled", longAgo);
		insertEnded("msg_retention_delivered_lately", webhook, "delivered", lately);
		insertEnded("msg_retention_pending_old", webhook, "pending", longAgo);
		EndedDeliveryCleanup cleanup = new EndedDeliveryCleanup(new PostgresWebhookDeliveries(this.jdbc),
				Duration.ofDays(30));

		int deleted = 0;
		for (int sweep = cleanup.sweep(); sweep > 0; sweep = cleanup.sweep()) {
			deleted += sweep;
		}

		assertThat(deleted).as("deleted, with any other test's rows that old").isGreaterThanOrEqualTo(3);
		assertThat(this.jdbc.queryForList("SELECT id FROM action_webhook_delivery WHERE webhook_id = ?", String.class,
				webhook))
			.containsExactlyInAnyOrder("msg_retention_delivered_lately", "msg_retention_pending_old");
		assertThat(new EndedDeliveryCleanup(new PostgresWebhookDeliveries(this.jdbc), Duration.ofDays(10)).sweep())
			.as("a shorter retention").isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT id FROM action_webhook_delivery WHERE webhook_id = ?", String.class,
				webhook))
			.containsExactly("msg_retention_pending_old");
	}

	@Test
	void aZeroRetentionKeepsEndedDeliveries() {
		UUID webhook = quietWebhook();
		insertEnded("msg_retention_kept", webhook, "delivered", Instant.now().minus(Duration.ofDays(4000)));

		assertThat(new EndedDeliveryCleanup(new PostgresWebhookDeliveries(this.jdbc), Duration.ZERO).sweep()).isZero();

		assertThat(this.jdbc.queryForList("SELECT id FROM action_webhook_delivery WHERE webhook_id = ?", String.class,
				webhook))
			.containsExactly("msg_retention_kept");
		WebhookProperties negative = new WebhookProperties();
		negative.setDeliveryRetention(Duration.ofDays(-1));
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(negative::afterPropertiesSet)
			.withMessageContaining("hil.webhooks.delivery-retention must not be negative");
	}

	private void insertEnded(String id, UUID webhook, String status, Instant changedAt) {
		this.jdbc.update("INSERT INTO action_webhook_delivery (id, webhook_id, action_id, event_type, payload, status, "
				+ "attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'action.created', '{}', ?, 1, ?, ?, ?)",
				id, webhook, UUID.randomUUID(), status,
				"pending".equals(status) ? Instant.now().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC) : null,
				changedAt.atOffset(ZoneOffset.UTC), changedAt.atOffset(ZoneOffset.UTC));
	}

	/** A webhook that is not active: no event is queued for it, but the claim takes rows written for it. */
	private UUID quietWebhook() {
		UUID id = UUID.randomUUID();
		this.jdbc.update("INSERT INTO action_webhook (id, url, events, active) VALUES (?, 'http://127.0.0.1:9/quiet', "
				+ "ARRAY['action.created'], false)", id);
		return id;
	}

	private void insertDelivery(String id, UUID webhook, int attempts, Instant due, Instant created) {
		this.jdbc.update("INSERT INTO action_webhook_delivery (id, webhook_id, action_id, event_type, payload, status, "
				+ "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'action.created', '{}', 'pending', ?, ?, ?)",
				id, webhook, UUID.randomUUID(), attempts, due.atOffset(ZoneOffset.UTC), created.atOffset(ZoneOffset.UTC));
	}

	@Test
	void twoSweepersNeverClaimTheSameDelivery() throws Exception {
		// due hours from now, and claimed as if it were then, so that the application's own sweep leaves them alone
		Instant due = Instant.now().plus(Duration.ofHours(4));
		Instant later = due.plusSeconds(60);
		List<UUID> webhooks = IntStream.range(0, 3).mapToObj((i) -> quietWebhook()).toList();
		List<NewDelivery> rows = IntStream.range(0, 400)
			.mapToObj((i) -> new NewDelivery(WebhookOutbox.newWebhookId(), webhooks.get(i % 3), UUID.randomUUID(),
					"action.created", "{}", due))
			.toList();
		new PostgresWebhookDeliveries(this.jdbc).insert(rows, Instant.now());
		Set<String> inserted = rows.stream().map(NewDelivery::id).collect(Collectors.toSet());

		Callable<List<String>> sweeper = () -> {
			WebhookDeliveries store = new PostgresWebhookDeliveries(this.jdbc);
			List<String> claimed = new ArrayList<>();
			List<WebhookDeliveries.Claimed> batch;
			do {
				batch = store.claimDue(later, later.plus(Duration.ofHours(1)), 7, Set.of());
				batch.stream().map(WebhookDeliveries.Claimed::id).filter(inserted::contains).forEach(claimed::add);
			}
			while (!batch.isEmpty());
			return claimed;
		};
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			Future<List<String>> first = two.submit(sweeper);
			Future<List<String>> second = two.submit(sweeper);
			List<String> all = new ArrayList<>(first.get(60, TimeUnit.SECONDS));
			all.addAll(second.get(60, TimeUnit.SECONDS));
			assertThat(all).as("claimed by the two sweepers").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inserted);
		}
		finally {
			two.shutdownNow();
		}
	}

	private ActionRequest newAction() {
		return this.actions.create(new NewAction("webhookTest", "session-" + UUID.randomUUID(), "ask", List.of("chat"),
				"Proceed?", Map.of(), Map.of(), null, null, null));
	}

	private JsonNode createWebhook(String url, String event) {
		Reply reply = send("POST", "/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"" + event + "\"]}");
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
		return reply.body();
	}

	private JsonNode deliveries(UUID webhookId) {
		return send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null).body().get("items");
	}

	private static UUID id(JsonNode webhook) {
		return UUID.fromString(webhook.get("id").asText());
	}

	private void deleteAllWebhooks() {
		this.jdbc.update("DELETE FROM action_webhook_delivery");
		this.jdbc.update("DELETE FROM action_webhook");
		this.activeWebhooks.forget();
	}

	private static void eventually(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Not within " + PATIENCE);
			}
			Thread.sleep(50);
		}
	}

	private static void assertProblem(Reply reply, int status, String detail) {
		assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.body().get("detail").asText()).contains(detail);
	}

	private Reply send(String method, String path, String body) {
		return this.http.method(HttpMethod.valueOf(method)).uri(path).headers((headers) -> {
			if (body != null) {
				headers.setContentType(MediaType.APPLICATION_JSON);
			}
		}).body((body != null) ? body : "").exchange((request, response) -> {
			String text = new String(response.getBody().readAllBytes());
			MediaType type = response.getHeaders().getContentType();
			return new Reply(response.getStatusCode().value(),
					(type != null) ? type.getType() + "/" + type.getSubtype() : null,
					text.isBlank() ? this.json.nullNode() : this.json.readTree(text),
					response.getHeaders().getCacheControl());
		});
	}

	record Reply(int status, String contentType, JsonNode body, String cacheControl) {
	}

}
