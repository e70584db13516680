package dev.camundahil.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.camundahil.action.Timestamps;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.webhook.WebhookDeliveries.Claimed;
import dev.camundahil.webhook.WebhookDeliveries.NewDelivery;
import dev.camundahil.webhook.WebhookDeliveries.Target;
import dev.camundahil.webhook.WebhookSender.SendResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Sends webhook deliveries on a bounded pool of threads: new ones right after their event commits, due retries
 * (and anything a node left behind) from a sweep that Quartz runs as {@code webhook-deliveries}. At most
 * {@code hil.webhooks.per-webhook-concurrency} deliveries to one webhook are in flight on this node; the others
 * wait in its {@linkplain WebhookLanes lane} or in the table, so a slow receiver holds a few threads and every other
 * receiver keeps getting its deliveries.
 * A webhook whose endpoint fails gets nothing from this node while it {@linkplain EndpointBackoff backs off}, and
 * its trials, like the first sends to a new webhook, go out on threads of their own
 * ({@code hil.webhooks.trial-threads}), so that an endpoint that never answers holds none of the threads of those
 * that do.
 */
class WebhookDeliveryWorker implements RecurringWork, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

	/** How long a delivery waits when its webhook already has its share of deliveries in flight. */
	private static final Duration BUSY_WEBHOOK_DELAY = Duration.ofMillis(500);

	/** A claim lasts this much longer than a send may take, so that it never runs out while a send is going on. */
	private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

	private final WebhookDeliveries store;

	private final WebhookSender sender;

	private final SecretBox secrets;

	private final RetrySchedule schedule;

	private final ActiveWebhooks activeWebhooks;

	private final EndpointBackoff backoff;

	private final Duration claimFor;

	private final Duration interval;

	private final int batchSize;

	private final ThreadPoolExecutor pool;

	/** Sends to webhooks whose endpoints do not answer this node, or have not yet: one at a time per webhook. */
	private final ThreadPoolExecutor trials;

	private final WebhookLanes lanes;

	WebhookDeliveryWorker(WebhookDeliveries store, WebhookSender sender, SecretBox secrets, RetrySchedule schedule,
			ActiveWebhooks activeWebhooks, Settings settings) {
		this.store = store;
		this.sender = sender;
		this.secrets = secrets;
		this.schedule = schedule;
		this.activeWebhooks = activeWebhooks;
		this.backoff = new EndpointBackoff(settings.endpointBackoff(), settings.maxEndpointBackoff());
		this.claimFor = settings.timeout().multipliedBy(2).plus(CLAIM_MARGIN);
		this.interval = settings.interval();
		this.batchSize = settings.batchSize();
		// a delivery waits in its lane at most half the margin its claim has beyond the send itself
		this.lanes = new WebhookLanes(settings.perWebhookConcurrency(), settings.batchSize(), CLAIM_MARGIN.dividedBy(2));
		this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(100, settings.batchSize() * 2)), threads("hil-webhook-"));
		// a webhook has one send in flight while it is on trial, so the queue holds at most one per webhook
		this.trials = new ThreadPoolExecutor(settings.trialThreads(), settings.trialThreads(), 0,
				TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads("hil-webhook-trial-"));
	}

	private static ThreadFactory threads(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
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

	/** Claims due deliveries, as many as the pool has room for, and hands them to the pool without waiting. */
	@Override
	public int sweep() {
		int room = Math.min(this.batchSize, this.pool.getQueue().remainingCapacity());
		Instant now = Timestamps.now();
		Set<UUID> skipped = this.backoff.holding(now);
		skipped.addAll(this.lanes.full());
		List<Claimed> claimed = this.store.claimDue(now, now.plus(this.claimFor), room, skipped);
		for (Claimed delivery : claimed) {
			try {
				this.pool.execute(() -> deliver(delivery));
			}
			catch (RejectedExecutionException ex) {
				this.store.release(delivery, now, now);
			}
		}
		return claimed.size();
	}

	/**
	 * Sends deliveries whose event has just committed. Any the pool cannot take now, and any to a webhook this node
	 * backs off from, are left to the sweep.
	 */
	void deliverNow(List<NewDelivery> deliveries) {
		for (NewDelivery delivery : deliveries) {
			try {
				this.pool.execute(() -> {
					Instant now = Timestamps.now();
					if (this.backoff.holds(delivery.webhookId(), now)) {
						return;
					}
					this.store.claim(delivery.id(), now, now.plus(this.claimFor)).ifPresent(this::deliver);
				});
			}
			catch (RejectedExecutionException ex) {
				log.debug("Webhook delivery {} waits for the sweep: all delivery threads are busy", delivery.id());
			}
		}
	}

	private void deliver(Claimed delivery) {
		Claimed next = switch (this.lanes.enter(delivery, Timestamps.now())) {
			case SEND -> delivery;
			case WAITING -> null;
			case FULL -> {
				Instant now = Timestamps.now();
				this.store.release(delivery, now.plus(BUSY_WEBHOOK_DELAY), now);
				yield null;
			}
		};
		sendInTurn(next, false);
	}

	/**
	 * Sends a delivery, then the next one waiting for the slot it frees, and so on: the thread that ends a send to
	 * a webhook goes on with the next delivery waiting for it. A send to a webhook whose endpoint does not answer
	 * goes to the trial threads, and one to a webhook that answers again back to the delivery threads.
	 */
	private void sendInTurn(Claimed first, boolean onTrialThread) {
		Claimed next = first;
		while (next != null) {
			boolean forTrialThreads = !this.lanes.isAnswering(next.webhookId());
			if (forTrialThreads != onTrialThread && handOver(next, forTrialThreads)) {
				return;
			}
			UUID webhookId = next.webhookId();
			try {
				send(next);
			}
			finally {
				next = handOn(webhookId);
			}
		}
	}

	/** Whether the other threads took the delivery and those after it; if not, this thread keeps them. */
	private boolean handOver(Claimed delivery, boolean toTrialThreads) {
		try {
			(toTrialThreads ? this.trials : this.pool).execute(() -> sendInTurn(delivery, toTrialThreads));
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private void send(Claimed delivery) {
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

	/** The webhook's slot just freed: the delivery that takes it, if one waits; those that waited too long go back. */
	private Claimed handOn(UUID webhookId) {
		Instant now = Timestamps.now();
		WebhookLanes.Next next = this.lanes.exit(webhookId, now);
		next.expired().forEach((expired) -> this.store.release(expired, now, now));
		return next.delivery();
	}

	private void attempt(Claimed delivery) {
		Target target = this.store.target(delivery.webhookId());
		int attempts = delivery.attempts() + 1;
		if (target == null || !target.active()) {
			if (!this.store.recordEnd(delivery, WebhookDeliveries.CANCELLED, delivery.attempts(), null,
					"the webhook was disabled or deleted before this delivery was sent", Timestamps.now())) {
				lostRace(delivery, "cancelled");
			}
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
		if (result.succeeded()) {
			if (this.store.recordDelivered(delivery, attempts, result.statusCode(), now)) {
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
			if (!this.store.recordEnd(delivery, WebhookDeliveries.FAILED, attempts, 410,
					result.error() + ": the receiver asked to stop; the webhook is disabled", now)) {
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
		Optional<Duration> next = this.schedule.delayAfter(attempts);
		if (next.isEmpty()) {
			if (this.store.recordEnd(delivery, WebhookDeliveries.FAILED, attempts, statusCode, result.error(), now)) {
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

	@Override
	public void destroy() throws IOException {
		// deliveries cut short here are claimed again when their claim runs out; those waiting go back now
		this.pool.shutdownNow();
		this.trials.shutdownNow();
		Instant now = Timestamps.now();
		this.lanes.drain().forEach((waiting) -> this.store.release(waiting, now, now));
		this.sender.close();
	}

	/** The worker's share of {@code hil.webhooks}, checked where they are bound ({@link WebhookProperties}). */
	record Settings(Duration timeout, Duration interval, int batchSize, int threads, int trialThreads,
			int perWebhookConcurrency, Duration endpointBackoff, Duration maxEndpointBackoff) {

	}

}
