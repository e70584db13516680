package dev.camundahil.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.NewAction;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.support.SecondNode;
import dev.camundahil.webhook.WebhookReceiver.Answered;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Two app nodes on one PostgreSQL database, both writing events and both sweeping retries: every delivery is
 * answered with success exactly once.
 */
@PostgresTest
@TestPropertySource(properties = { TwoNodesWebhookTest.ALLOWED, TwoNodesWebhookTest.SCHEDULE,
		TwoNodesWebhookTest.INTERVAL, TwoNodesWebhookTest.BACKOFF, TwoNodesWebhookTest.MAX_BACKOFF,
		TwoNodesWebhookTest.KEY })
class TwoNodesWebhookTest {

	static final String ALLOWED = "hil.webhooks.allowed-hosts=127.0.0.1";

	static final String SCHEDULE = "hil.webhooks.retry-schedule=0s,300ms,300ms,300ms,300ms,300ms";

	static final String INTERVAL = "hil.webhooks.interval=200ms";

	static final String BACKOFF = "hil.webhooks.endpoint-backoff=100ms";

	static final String MAX_BACKOFF = "hil.webhooks.max-endpoint-backoff=300ms";

	static final String KEY = "hil.webhooks.encryption-key=two-nodes-share-this-key";

	private static final int ACTIONS_PER_NODE = 25;

	/** One fewer than the six attempts of {@link #SCHEDULE}. */
	private static final int FAILED_ANSWERS = 5;

	/** This context's database, which the second node shares. */
	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Autowired
	ActionService actions;

	@Autowired
	WebhookSubscriptions subscriptions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoNodesDeliverEveryEventOnce() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.onLoopback();
				ConfigurableApplicationContext secondNode = secondNode(this.databaseUrl)) {
			// Failed answers hold the endpoint back on each node, so that most deliveries go through the retry
			// sweeps of both nodes. Fewer of them than a delivery has attempts: the back-off sends one trial
			// delivery at a time, which may take several failures in a row and must not run out of attempts.
			for (int i = 0; i < FAILED_ANSWERS; i++) {
				receiver.answer(500);
			}
			WebhookRequest request = new WebhookRequest();
			request.url = receiver.url();
			request.events = List.of("action.created");
			CreatedWebhook webhook = this.subscriptions.create(request);
			ActionService second = secondNode.getBean(ActionService.class);

			ExecutorService both = Executors.newFixedThreadPool(2);
			try {
				Future<?> first = both.submit(() -> createActions(this.actions, "first"));
				Future<?> other = both.submit(() -> createActions(second, "second"));
				first.get(2, TimeUnit.MINUTES);
				other.get(2, TimeUnit.MINUTES);
			}
			finally {
				both.shutdownNow();
			}

			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (succeeded(receiver).size() < 2 * ACTIONS_PER_NODE) {
				if (System.nanoTime() > deadline) {
					fail("Only " + succeeded(receiver).size() + " of " + 2 * ACTIONS_PER_NODE + " delivered in 60s");
				}
				Thread.sleep(100);
			}
			// the receiver has answered the last deliveries a moment before their success is recorded
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(delivered(webhook.id())).isEqualTo(2L * ACTIONS_PER_NODE));
			Thread.sleep(1000); // room for a second delivery of anything, which must not come
			Map<String, Long> successes = succeeded(receiver);
			assertThat(successes).hasSize(2 * ACTIONS_PER_NODE);
			assertThat(successes.values()).as("successful answers per webhook-id").containsOnly(1L);
			assertThat(delivered(webhook.id())).isEqualTo(2L * ACTIONS_PER_NODE);
			this.subscriptions.delete(webhook.id());
		}
	}

	private long delivered(UUID webhookId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM action_webhook_delivery WHERE webhook_id = ? "
				+ "AND status = 'delivered'", Long.class, webhookId);
	}

	private static Map<String, Long> succeeded(WebhookReceiver receiver) {
		return receiver.answered()
			.stream()
			.filter((answer) -> answer.status() == 200)
			.map(Answered::webhookId)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static void createActions(ActionService actions, String node) {
		for (int i = 0; i < ACTIONS_PER_NODE; i++) {
			actions.create(new NewAction("twoNodes", node + "-" + UUID.randomUUID(), "ask", List.of("chat"),
					"Proceed?", Map.of(), Map.of(), null, null, null));
		}
	}

	/**
	 * The second node, with settings as command-line arguments so that they win over hil-app.yml. Its Quartz
	 * scheduler has a name of its own: Quartz keeps one data source per scheduler name in the JVM, and a separate
	 * scheduler runs its own webhook sweep, so both nodes sweep the same table at the same time.
	 */
	private static ConfigurableApplicationContext secondNode(String databaseUrl) {
		return SecondNode.start(databaseUrl, "spring.quartz.scheduler-name=secondNodeScheduler",
				"hil.app.processes-dir=does-not-exist", ALLOWED, SCHEDULE, INTERVAL, BACKOFF, MAX_BACKOFF, KEY);
	}

}
