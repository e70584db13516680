package dev.camundahil.webhook;

import java.net.URI;
import java.time.Instant;

import dev.camundahil.action.Timestamps;
import dev.camundahil.webhook.WebhookDeliveries.Claimed;
import dev.camundahil.webhook.WebhookDeliveries.Target;
import dev.camundahil.webhook.WebhookSender.SendResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a claimed delivery: made only if this node's {@linkplain EndpointBackoff back-off} from its webhook
 * admits it, signed with the webhook's secret, and what the endpoint did told to the back-off and the
 * {@linkplain WebhookLanes lanes} before {@link DeliveryOutcomes} records how it went.
 */
final class DeliveryAttempts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

	private final WebhookDeliveries store;

	private final WebhookSender sender;

	private final SecretBox secrets;

	private final EndpointBackoff backoff;

	private final WebhookLanes lanes;

	private final DeliveryOutcomes outcomes;

	DeliveryAttempts(WebhookDeliveries store, WebhookSender sender, SecretBox secrets, EndpointBackoff backoff,
			WebhookLanes lanes, DeliveryOutcomes outcomes) {
		this.store = store;
		this.sender = sender;
		this.secrets = secrets;
		this.backoff = backoff;
		this.lanes = lanes;
		this.outcomes = outcomes;
	}

	void send(Claimed delivery) {
		try {
			if (this.backoff.admit(delivery.webhookId(), delivery.id(), Timestamps.now())) {
				attempt(delivery);
			}
			else {
				// claimed before its webhook began to back off: back to the table, no attempt counted, claimed again
				// once the back-off has passed
				Instant now = Timestamps.now();
				this.store.release(delivery, now, now);
			}
		}
		catch (RuntimeException ex) {
			// the claim runs out and the sweep tries again; the delivery is not lost
			log.error("Webhook delivery {} to webhook {} broke off; it is retried when its claim runs out",
					delivery.id(), delivery.webhookId(), ex);
		}
		finally {
			this.backoff.ended(delivery.webhookId(), delivery.id());
		}
	}

	private void attempt(Claimed delivery) {
		Target target = this.store.target(delivery.webhookId());
		if (target == null || !target.active()) {
			this.outcomes.cancelled(delivery, Timestamps.now());
			return;
		}
		SendResult result;
		try {
			String secret = this.secrets.open(target.sealedSecret(), delivery.webhookId());
			result = this.sender.send(URI.create(target.url()), delivery.id(), secret, delivery.payload());
		}
		catch (SecretBox.UnreadableSecretException ex) {
			result = SendResult.failed("cannot sign: " + ex.getMessage());
		}
		Instant now = Timestamps.now();
		if (result.endpointFailing()) {
			this.backoff.failed(delivery.webhookId(), delivery.id(), now, result.retryAfter());
			this.lanes.failed(delivery.webhookId());
		}
		else if (result.answered()) {
			this.backoff.answered(delivery.webhookId());
			this.lanes.answered(delivery.webhookId());
		}
		this.outcomes.record(delivery, delivery.attempts() + 1, result, now);
	}

}
