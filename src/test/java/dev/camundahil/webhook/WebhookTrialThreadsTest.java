package dev.camundahil.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.NewAction;
import dev.camundahil.support.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An endpoint that never answers is sent to on the trial threads: with one delivery thread and one trial thread, a
 * webhook that answers gets every delivery while a send to the silent one waits for its 30 s timeout.
 * <p>
 * No other class has these settings, so the context is closed when the class is done.
 */
@PostgresTest
@TestPropertySource(properties = { "hil.webhooks.allowed-hosts=127.0.0.1", "hil.webhooks.threads=1",
		"hil.webhooks.trial-threads=1", "hil.webhooks.timeout=30s", "hil.webhooks.interval=100ms",
		"hil.webhooks.encryption-key=webhook-trial-threads-test-key" })
@DirtiesContext
class WebhookTrialThreadsTest {

	@Autowired
	WebhookSubscriptions subscriptions;

	@Autowired
	ActionService actions;

	@Test
	void aSilentEndpointHoldsATrialThreadNotTheThreadOfAnEndpointThatAnswers() throws Exception {
		try (WebhookReceiver answering = WebhookReceiver.onLoopback();
				WebhookReceiver silent = WebhookReceiver.onLoopback()) {
			subscribe(answering);
			UUID first = create();
			await().atMost(Duration.ofSeconds(20)).until(() -> answering.about(first).size() == 1);

			silent.holdRequests();
			subscribe(silent);
			List<UUID> later = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				later.add(create());
			}

			await().atMost(Duration.ofSeconds(10)).until(() -> silent.received().size() >= 1);
			// well before the silent endpoint's send times out and frees any thread
			await().atMost(Duration.ofSeconds(10))
				.until(() -> later.stream().allMatch((id) -> answering.about(id).size() == 1));
			assertThat(silent.received()).as("one send at a time to an endpoint that has not answered").hasSize(1);
			silent.letGo();
		}
	}

	private UUID create() {
		return this.actions.create(new NewAction("webhookTrials", "s-" + UUID.randomUUID(), "ask", List.of("chat"),
				"Proceed?", Map.of(), Map.of(), null, null, null)).getId();
	}

	private void subscribe(WebhookReceiver receiver) {
		WebhookRequest request = new WebhookRequest();
		request.url = receiver.url();
		request.events = List.of("action.created");
		this.subscriptions.create(request);
	}

}
