package dev.camundahil.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.camundahil.action.Timestamps;
import dev.camundahil.retry.RetryPolicy;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.webhook.WebhookDeliveries.Claimed;
import dev.camundahil.webhook.WebhookDeliveries.NewDelivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Claims webhook deliveries and hands them to the {@linkplain WebhookThreads sending threads}: new ones right after
 * their event commits, due retries (and anything a node left behind) from a sweep that Quartz runs as {@code
 * webhook-deliveries}. At most {@code hil.webhooks.per-webhook-concurrency} deliveries to one webhook are in flight
 * on this node; the others wait in its {@linkplain WebhookLanes lane} or in the table, so a slow receiver holds a
 * few threads and every other receiver keeps getting its deliveries. A webhook whose endpoint fails gets nothing
 * from this node while it {@linkplain EndpointBackoff backs off}.
 */
class WebhookDeliveryWorker implements RecurringWork, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

	/** A claim lasts this much longer than a send may take, so that it never runs out while a send is going on. */
	private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

	private final WebhookDeliveries store;

	private final WebhookSender sender;

	private final EndpointBackoff backoff;

	private final DeliveryTally tally = new DeliveryTally();

	private final WebhookLanes lanes;

	private final WebhookThreads threads;

	private final Duration claimFor;

	private final Duration interval;

	private final int batchSize;

	WebhookDeliveryWorker(WebhookDeliveries store, WebhookSender sender, SecretBox secrets, RetryPolicy retries,
			ActiveWebhooks activeWebhooks, Settings settings) {
		this.store = store;
		this.sender = sender;
		this.backoff = new EndpointBackoff(settings.endpointBackoff(), settings.maxEndpointBackoff());
		this.claimFor = settings.timeout().multipliedBy(2).plus(CLAIM_MARGIN);
		this.interval = settings.interval();
		this.batchSize = settings.batchSize();
		// a delivery waits in its lane at most half the margin its claim has beyond the send itself
		this.lanes = new WebhookLanes(settings.perWebhookConcurrency(), settings.batchSize(), CLAIM_MARGIN.dividedBy(2));
		DeliveryAttempts attempts = new DeliveryAttempts(store, sender, secrets, this.backoff, this.lanes,
				new DeliveryOutcomes(store, retries, activeWebhooks, this.tally));
		this.threads = new WebhookThreads(this.lanes, settings.threads(), settings.trialThreads(),
				Math.max(100, settings.batchSize() * 2), store, attempts::send);
	}

	@Override
	public String name() {
		return "webhook-deliveries";
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public int batchSize() {
		return this.batchSize;
	}

	/** Claims due deliveries, as many as the threads have room for, and hands them over without waiting. */
	@Override
	public int sweep() {
		int room = Math.min(this.batchSize, this.threads.room());
		Instant now = Timestamps.now();
		Set<UUID> skipped = this.backoff.holding(now);
		skipped.addAll(this.lanes.full());
		List<Claimed> claimed = this.store.claimDue(now, now.plus(this.claimFor), room, skipped);
		for (Claimed delivery : claimed) {
			if (!this.threads.start(() -> this.threads.deliver(delivery))) {
				this.store.release(delivery, now, now);
			}
		}
		return claimed.size();
	}

	/**
	 * Sends deliveries whose event has just committed. Any the threads cannot take now, and any to a webhook this
	 * node backs off from, are left to the sweep.
	 */
	void deliverNow(List<NewDelivery> deliveries) {
		for (NewDelivery delivery : deliveries) {
			boolean started = this.threads.start(() -> {
				Instant now = Timestamps.now();
				if (this.backoff.holds(delivery.webhookId(), now)) {
					return;
				}
				this.store.claim(delivery.id(), now, now.plus(this.claimFor)).ifPresent(this.threads::deliver);
			});
			if (!started) {
				log.debug("Webhook delivery {} waits for the sweep: all delivery threads are busy", delivery.id());
			}
		}
	}

	/** The webhooks this node holds back now: backing off from their endpoint, or waiting for a trial. */
	Set<UUID> backingOff(Instant now) {
		return this.backoff.holding(now);
	}

	/** How many attempts of this node ended each way. */
	DeliveryTally tally() {
		return this.tally;
	}

	/** Sends a delivery that was made due again, as {@link #deliverNow} does a new one. */
	void deliverSoon(String deliveryId, UUID webhookId) {
		deliverNow(List.of(new NewDelivery(deliveryId, webhookId, null, null, null, null)));
	}

	@Override
	public void destroy() throws IOException {
		this.threads.shutdown();
		this.sender.close();
	}

	/** The worker's share of {@code hil.webhooks}, checked where they are bound ({@link WebhookProperties}). */
	record Settings(Duration timeout, Duration interval, int batchSize, int threads, int trialThreads,
			int perWebhookConcurrency, Duration endpointBackoff, Duration maxEndpointBackoff) {

	}

}
