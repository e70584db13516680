package dev.camundahil.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Webhook deliveries as operators see them: the backlog, the endpoints this node backs off from, how attempts
 * ended, the deliveries of an action or a status, and "retry now" for a delivery that failed. A retried delivery
 * gets one more attempt, sent after commit; failing again, it is failed again.
 */
public final class WebhookStatus {

	/** How an attempt can end, as {@link #attemptsEnded(String)} counts them. */
	public static final List<String> OUTCOMES = DeliveryTally.OUTCOMES;

	/** The statuses a delivery can have. */
	public static final Set<String> STATUSES = Set.of(WebhookDeliveries.PENDING, WebhookDeliveries.DELIVERED,
			WebhookDeliveries.FAILED, WebhookDeliveries.CANCELLED);

	private static final Logger log = LoggerFactory.getLogger(WebhookStatus.class);

	private final WebhookDeliveries deliveries;

	private final WebhookDeliveryWorker worker;

	WebhookStatus(WebhookDeliveries deliveries, WebhookDeliveryWorker worker) {
		this.deliveries = deliveries;
		this.worker = worker;
	}

	/** Deliveries due now and not yet sent, the oldest due time among them, and the failed ones. */
	public Backlog backlog(Instant now) {
		return this.deliveries.backlog(now);
	}

	/** The webhooks this node sends nothing to now, because their endpoint failed (memory of this node only). */
	public Set<UUID> backingOff(Instant now) {
		return this.worker.backingOff(now);
	}

	/** How many attempts of this node ended with the outcome, one of {@link #OUTCOMES}, since it started. */
	public long attemptsEnded(String outcome) {
		return this.worker.tally().total(outcome);
	}

	/** Up to {@code limit} deliveries newest first, of one status and of one action where those are given. */
	public List<DeliveryView> list(String status, UUID actionId, int limit) {
		return this.deliveries.list(status, actionId, limit);
	}

	/**
	 * Sends a failed delivery again at once.
	 * @return the delivery as it is now, or empty when the webhook has no such delivery
	 * @throws IllegalStateException the delivery has not failed
	 */
	public Optional<DeliveryView> retry(UUID webhookId, String deliveryId, Instant now) {
		Optional<DeliveryView> found = this.deliveries.find(webhookId, deliveryId);
		if (found.isEmpty()) {
			return found;
		}
		if (!this.deliveries.retryFailed(webhookId, deliveryId, now)) {
			throw new IllegalStateException("Delivery " + deliveryId + " is " + found.get().status()
					+ "; only a failed delivery can be retried");
		}
		log.info("Webhook delivery {} to webhook {} is tried again on request", deliveryId, webhookId);
		Runnable send = () -> this.worker.deliverSoon(deliveryId, webhookId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
		return this.deliveries.find(webhookId, deliveryId);
	}

	/**
	 * The outbox's backlog.
	 *
	 * @param due deliveries due now and not yet sent (those of webhooks backed off from among them)
	 * @param oldestDue the due time of the oldest of them; null when none is due
	 * @param failed deliveries that failed for good and are still kept
	 */
	public record Backlog(long due, Instant oldestDue, long failed) {
	}

}
