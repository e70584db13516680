package dev.camundahil.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
			Thread.sleep(300);
			assertThat(this.jdbc.queryForObject("SELECT status FROM action_webhook_delivery WHERE id = ?", String.class,
					attempts.get(0).header("webhook-id")))
				.isEqualTo("delivered");
			this.subscriptions.delete(webhook.id());
		}
	}

}
