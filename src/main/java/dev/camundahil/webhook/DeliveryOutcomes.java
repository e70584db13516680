package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.camundahil.retry.RetryPolicy;
import dev.camundahil.webhook.WebhookDeliveries.Claimed;
import dev.camundahil.webhook.WebhookSender.SendResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how an attempt went and what follows: a 2xx delivers; 410 Gone fails the delivery and disables the
 * webhook; any other failure is tried again when the {@link RetryPolicy} says (a longer Retry-After wins) or fails
 * the delivery once it gives up. A record that finds the row changed since the claim changes nothing: whoever holds
 * the row now records the outcome.
 */
final class DeliveryOutcomes {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

	private final WebhookDeliveries store;

	private final RetryPolicy retries;

	private final ActiveWebhooks activeWebhooks;

	private final DeliveryTally tally;

	DeliveryOutcomes(WebhookDeliveries store, RetryPolicy retries, ActiveWebhooks activeWebhooks) {
		this(store, retries, activeWebhooks, new DeliveryTally());
	}

	DeliveryOutcomes(WebhookDeliveries store, RetryPolicy retries, ActiveWebhooks activeWebhooks,
			DeliveryTally tally) {
		this.store = store;
		this.retries = retries;
		this.activeWebhooks = activeWebhooks;
		this.tally = tally;
	}

	/** The webhook was disabled or deleted after the delivery was claimed: it is not sent, no attempt counted. */
	void cancelled(Claimed delivery, Instant now) {
		if (this.store.recordEnd(delivery, WebhookDeliveries.CANCELLED, delivery.attempts(), null,
				"the webhook was disabled or deleted before this delivery was sent", now)) {
			this.tally.count(DeliveryTally.CANCELLED);
		}
		else {
			lostRace(delivery, "cancelled");
		}
	}

	/** Records the {@code attempts}-th attempt. */
	void record(Claimed delivery, int attempts, SendResult result, Instant now) {
		if (result.succeeded()) {
			if (this.store.recordDelivered(delivery, attempts, result.statusCode(), now)) {
				this.tally.count(DeliveryTally.DELIVERED);
				log.debug("Webhook delivery {} ({}) to webhook {} delivered on attempt {}", delivery.id(),
						delivery.eventType(), delivery.webhookId(), attempts);
			}
			else {
				log.warn("Webhook delivery {} reached webhook {} on attempt {}, but its row had changed meanwhile (its "
						+ "claim ran out and another sender took it, or the webhook was deleted): the outcome is left "
						+ "to that sender, and the receiver may get the delivery once more", delivery.id(),
						delivery.webhookId(), attempts);
			}
		}
		else if (result.statusCode() == 410) {
			if (this.store.recordEnd(delivery, WebhookDeliveries.FAILED, attempts, 410,
					result.error() + ": the receiver asked to stop; the webhook is disabled", now)) {
				this.tally.count(DeliveryTally.FAILED);
			}
			else {
				lostRace(delivery, "failed (410)");
			}
			// the receiver's answer holds whoever records the delivery
			this.store.deactivate(delivery.webhookId(), now);
			this.activeWebhooks.forget();
			log.info("Webhook {} answered 410 Gone; it is disabled and gets no more deliveries", delivery.webhookId());
		}
		else {
			retryOrFail(delivery, attempts, result, now);
		}
	}

	private void retryOrFail(Claimed delivery, int attempts, SendResult result, Instant now) {
		Integer statusCode = (result.statusCode() != 0) ? result.statusCode() : null;
		Optional<Duration> next = this.retries.delayAfter(attempts);
		if (next.isEmpty()) {
			if (this.store.recordEnd(delivery, WebhookDeliveries.FAILED, attempts, statusCode, result.error(), now)) {
				this.tally.count(DeliveryTally.FAILED);
				log.warn("Webhook delivery {} ({}) to webhook {} failed after {} attempt(s): {}", delivery.id(),
						delivery.eventType(), delivery.webhookId(), attempts, result.error());
			}
			else {
				lostRace(delivery, "failed");
			}
			return;
		}
		Duration delay = next.get();
		if (result.retryAfter() != null && result.retryAfter().compareTo(delay) > 0) {
			delay = result.retryAfter();
		}
		if (this.store.recordRetry(delivery, attempts, statusCode, result.error(), now.plus(delay), now)) {
			this.tally.count(DeliveryTally.RETRIED);
			log.debug("Webhook delivery {} to webhook {} failed on attempt {} ({}); next attempt in {}", delivery.id(),
					delivery.webhookId(), attempts, result.error(), delay);
		}
		else {
			lostRace(delivery, "retried");
		}
	}

	/** The row changed since this node claimed it: whoever holds it now records the outcome, this node nothing. */
	private static void lostRace(Claimed delivery, String outcome) {
		log.debug("Webhook delivery {} to webhook {} was not recorded as {}: its row had changed meanwhile (claimed "
				+ "again by another sender, or the webhook was deleted)", delivery.id(), delivery.webhookId(), outcome);
	}

}
