package dev.camundahil.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.NewAction;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.webhook.WebhookReceiver.Answered;
import dev.camundahil.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Endpoints that fail — one answering 500, one never answering — next to a healthy one: the healthy one gets all
 * its deliveries, the failing ones are not sent anything again before their back-off has passed, and once they
 * answer again they get every delivery, with one attempt counted per request they really got.
 * <p>
 * No other class has these settings, so the context is closed when the class is done rather than holding its
 * database connections for the rest of the run.
 */
@PostgresTest
@TestPropertySource(properties = { "hil.webhooks.allowed-hosts=127.0.0.1",
		"hil.webhooks.retry-schedule=0s,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms",
		"hil.webhooks.interval=100ms", "hil.webhooks.timeout=1s", "hil.webhooks.endpoint-backoff=1s",
		"hil.webhooks.max-endpoint-backoff=1s", "hil.webhooks.encryption-key=webhook-backoff-test-key" })
@DirtiesContext
class WebhookBackoffTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final Duration BACKOFF = Duration.ofSeconds(1);

	/**
	 * Deliveries to one webhook this node sends at once before its endpoint has answered: sent before the first
	 * failure is known.
	 */
	private static final int CONCURRENCY = 1;

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final int ACTIONS = 10;

	@Autowired
	WebhookSubscriptions subscriptions;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void failingEndpointsAreTriedOncePerBackoffAndGetEverythingWhenTheyAnswerAgain() throws Exception {
		try (WebhookReceiver healthy = WebhookReceiver.onLoopback();
				WebhookReceiver failing = WebhookReceiver.onLoopback();
				WebhookReceiver silent = WebhookReceiver.onLoopback()) {
			for (int i = 0; i < 1000; i++) {
				failing.answer(500);
			}
			silent.holdRequests();
			UUID healthyHook = subscribe(healthy);
			UUID failingHook = subscribe(failing);
			UUID silentHook = subscribe(silent);

			List<UUID> created = new ArrayList<>();
			for (int i = 0; i < ACTIONS; i++) {
				created.add(this.actions.create(new NewAction("webhookBackoff", "s-" + UUID.randomUUID(), "ask",
						List.of("chat"), "Proceed?", Map.of(), Map.of(), null, null, null)).getId());
			}

			await().atMost(PATIENCE)
				.until(() -> created.stream().allMatch((id) -> healthy.about(id).size() == 1));
			await().atMost(PATIENCE).until(() -> failing.received().size() >= 4 && silent.received().size() >= 4);
			assertTriedOncePerBackoff(failing.received(), BACKOFF);
			assertTriedOncePerBackoff(silent.received(), TIMEOUT.plus(BACKOFF));
			assertThat(statuses(failingHook)).containsOnlyKeys("pending");
			assertThat(statuses(silentHook)).containsOnlyKeys("pending");

			failing.recover();
			silent.letGo();

			await().atMost(PATIENCE)
				.until(() -> delivered(failingHook) == ACTIONS && delivered(silentHook) == ACTIONS);
			assertThat(attempts(failingHook)).as("attempts counted, requests made").isEqualTo(failing.received().size());
			assertThat(attempts(silentHook)).as("attempts counted, requests made").isEqualTo(silent.received().size());
			assertThat(failing.answered()
				.stream()
				.filter((answer) -> answer.status() == 200)
				.collect(Collectors.groupingBy(Answered::webhookId, Collectors.counting())))
				.as("successful answers per webhook-id")
				.hasSize(ACTIONS)
				.allSatisfy((webhookId, successes) -> assertThat(successes).isEqualTo(1L));
			assertThat(statuses(healthyHook)).containsExactly(Map.entry("delivered", (long) ACTIONS));
		}
	}

	/**
	 * Before the first failure is known, as many requests as run at once; after it, each one is the trial of a
	 * back-off that began when the one before failed, so they are at least {@code spacing} apart. That bounds how
	 * many fit between the first and the last request, however slowly the test runs.
	 */
	private static void assertTriedOncePerBackoff(List<Received> requests, Duration spacing) {
		Duration span = Duration.between(requests.get(0).at(), requests.get(requests.size() - 1).at());
		long trials = (span.toMillis() + spacing.toMillis() - 1) / spacing.toMillis();
		assertThat(requests).extracting(Received::at)
			.as("requests within %s, tried at most once per %s", span, spacing)
			.hasSizeLessThanOrEqualTo(CONCURRENCY + (int) trials);
	}

	private UUID subscribe(WebhookReceiver receiver) {
		WebhookRequest request = new WebhookRequest();
		request.url = receiver.url();
		request.events = List.of("action.created");
		return this.subscriptions.create(request).id();
	}

	private Map<String, Long> statuses(UUID webhookId) {
		return this.jdbc
			.queryForList("SELECT status FROM action_webhook_delivery WHERE webhook_id = ?", String.class, webhookId)
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private long delivered(UUID webhookId) {
		return statuses(webhookId).getOrDefault("delivered", 0L);
	}

	private int attempts(UUID webhookId) {
		return this.jdbc.queryForObject(
				"SELECT coalesce(sum(attempts), 0) FROM action_webhook_delivery WHERE webhook_id = ?", Integer.class,
				webhookId);
	}

}
