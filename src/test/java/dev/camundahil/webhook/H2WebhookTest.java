package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.NewAction;
import dev.camundahil.support.H2Test;
import dev.camundahil.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The outbox and its retries on H2, where due deliveries are claimed row by row instead of with SKIP LOCKED.
 */
@H2Test
@TestPropertySource(properties = { "hil.webhooks.allowed-hosts=127.0.0.1",
		"hil.webhooks.retry-schedule=0s,200ms,200ms", "hil.webhooks.interval=200ms",
		"hil.webhooks.endpoint-backoff=200ms", "hil.webhooks.max-endpoint-backoff=200ms" })
class H2WebhookTest {

	@Autowired
	WebhookSubscriptions subscriptions;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookDeliveries deliveries;

	@Test
	void aClaimLeavesASkippedWebhooksRowsAsTheyAreAndGivesTheOthersTriedFewerTimesFirst() {
		UUID skipped = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		// all in the future, so that the running sweep leaves these rows alone
		Instant due = now.plus(Duration.ofHours(1));
		insertDelivery("msg_h2_held", skipped, 0, due.minusSeconds(20), "pending");
		insertDelivery("msg_h2_tried", other, 2, due.minusSeconds(10), "pending");
		insertDelivery("msg_h2_fresh", other, 0, due.minusSeconds(5), "pending");
		insertDelivery("msg_h2_later", other, 0, due.plusSeconds(120), "pending");
		insertDelivery("msg_h2_done", other, 1, due.minusSeconds(5), "delivered");

		List<String> claimed = this.deliveries.claimDue(due, due.plusSeconds(60), 1000, Set.of(skipped))
			.stream()
			.map(WebhookDeliveries.Claimed::id)
			.filter((id) -> id.startsWith("msg_h2_"))
			.toList();

		assertThat(claimed).containsExactly("msg_h2_fresh", "msg_h2_tried");
		assertThat(dueAt("msg_h2_held")).as("skipped, as it was").isEqualTo(due.minusSeconds(20));
		assertThat(dueAt("msg_h2_fresh")).as("claimed").isEqualTo(due.plusSeconds(60));
	}

	@Test
	void endedDeliveriesAreDeletedOnceTheirRetentionHasPassed() {
		UUID webhook = UUID.randomUUID();
		Instant longAgo = Instant.now().minus(Duration.ofDays(40));
		insertDelivery("msg_h2_ended_old", webhook, 1, Instant.now(), "delivered");
		insertDelivery("msg_h2_pending_old", webhook, 1, Instant.now().plus(Duration.ofHours(1)), "pending");
		insertDelivery("msg_h2_ended_lately", webhook, 1, Instant.now(), "failed");
		this.jdbc.update("UPDATE action_webhook_delivery SET updated_at = ? WHERE id IN ('msg_h2_ended_old', "
				+ "'msg_h2_pending_old')", longAgo.atOffset(ZoneOffset.UTC));

		assertThat(new EndedDeliveryCleanup(this.deliveries, Duration.ofDays(30)).sweep()).isEqualTo(1);

		assertThat(this.jdbc.queryForList("SELECT id FROM action_webhook_delivery WHERE webhook_id = ?", String.class,
				webhook))
			.containsExactlyInAnyOrder("msg_h2_pending_old", "msg_h2_ended_lately");
	}

	private void insertDelivery(String id, UUID webhook, int attempts, Instant due, String status) {
		this.jdbc.update("INSERT INTO action_webhook_delivery (id, webhook_id, action_id, event_type, payload, status, "
				+ "attempts, next_attempt_at) VALUES (?, ?, ?, 'action.created', '{}', ?, ?, ?)", id, webhook,
				UUID.randomUUID(), status, attempts, due.atOffset(ZoneOffset.UTC));
	}

	private Instant dueAt(String id) {
		return this.jdbc.queryForObject("SELECT next_attempt_at FROM action_webhook_delivery WHERE id = ?",
				OffsetDateTime.class, id).toInstant();
	}

	@Test
	void aFailedDeliveryIsRetriedAndDelivered() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.onLoopback()) {
			receiver.answer(500);
			WebhookRequest request = new WebhookRequest();
			request.url = receiver.url();
			request.events = List.of("action.created");
			CreatedWebhook webhook = this.subscriptions.create(request);

			ActionRequest action = this.actions.create(new NewAction("h2Webhooks", "s-" + UUID.randomUUID(), "ask",
					List.of("chat"), "Proceed?", Map.of(), Map.of(), null, null, null));

			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (receiver.about(action.getId()).size() < 2) {
				if (System.nanoTime() > deadline) {
					fail("no retry within 30s");
				}
				Thread.sleep(50);
			}
			List<Received> attempts = receiver.about(action.getId());
			for (Received attempt : attempts) {
				attempt.verify(webhook.secret());
			}
			assertThat(attempts.get(1).header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
			// the receiver has answered the retry a moment before its success is recorded
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
						"SELECT status FROM action_webhook_delivery WHERE id = ?", String.class,
						attempts.get(0).header("webhook-id")))
					.isEqualTo("delivered"));
			this.subscriptions.delete(webhook.id());
		}
	}

}
