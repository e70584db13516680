package dev.camundahil.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.camundahil.webhook.WebhookDeliveries.Subscription;

/**
 * The active webhooks, kept in memory so that an action event costs no query when nobody subscribes to it. This
 * node forgets the list whenever its API changes a webhook; changes made on other nodes show after
 * {@code hil.webhooks.cache-ttl}.
 */
class ActiveWebhooks {

	private final WebhookDeliveries store;

	private final long ttlNanos;

	/** Counts changes, so that a list read while a change commits is not kept as current. */
	private final AtomicLong changes = new AtomicLong();

	private volatile Snapshot snapshot;

	ActiveWebhooks(WebhookDeliveries store, Duration ttl) {
		this.store = store;
		this.ttlNanos = ttl.toNanos();
	}

	List<Subscription> subscribedTo(String eventType) {
		return current().stream().filter((subscription) -> WebhookEvents.matches(subscription.events(), eventType)).toList();
	}

	void forget() {
		this.changes.incrementAndGet();
		this.snapshot = null;
	}

	private List<Subscription> current() {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		long change = this.changes.get();
		if (current == null || current.change() != change || now - current.loadedAt() > this.ttlNanos) {
			current = new Snapshot(this.store.activeSubscriptions(), now, change);
			if (this.changes.get() == change) {
				this.snapshot = current;
			}
		}
		return current.subscriptions();
	}

	private record Snapshot(List<Subscription> subscriptions, long loadedAt, long change) {
	}

}
