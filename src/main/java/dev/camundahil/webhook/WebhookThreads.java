package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.camundahil.action.Timestamps;
import dev.camundahil.webhook.WebhookDeliveries.Claimed;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads that send webhook deliveries on this node: the delivery threads for webhooks whose endpoints answer,
 * and the trial threads ({@code hil.webhooks.trial-threads}) for those that have not answered this node yet or
 * failed since, so that an endpoint that never answers holds none of the threads of those that do. A delivery waits
 * in its webhook's {@linkplain WebhookLanes lane} while the webhook has its share in flight, and the thread that
 * ends one of the webhook's sends goes on with it.
 */
final class WebhookThreads {

	/** How long a delivery waits when its webhook already has its share of deliveries in flight. */
	private static final Duration BUSY_WEBHOOK_DELAY = Duration.ofMillis(500);

	private final WebhookLanes lanes;

	private final WebhookDeliveries store;

	private final Consumer<Claimed> send;

	private final ThreadPoolExecutor pool;

	/** Sends to webhooks whose endpoints do not answer this node, or have not yet: one at a time per webhook. */
	private final ThreadPoolExecutor trials;

	WebhookThreads(WebhookLanes lanes, int threads, int trialThreads, int queueCapacity, WebhookDeliveries store,
			Consumer<Claimed> send) {
		this.lanes = lanes;
		this.store = store;
		this.send = send;
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queueCapacity), threads("hil-webhook-"));
		// a webhook has one send in flight while it is on trial, so the queue holds at most one per webhook
		this.trials = new ThreadPoolExecutor(trialThreads, trialThreads, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), threads("hil-webhook-trial-"));
	}

	private static ThreadFactory threads(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

	/** How much work the delivery threads can still queue. */
	int room() {
		return this.pool.getQueue().remainingCapacity();
	}

	/** Whether a delivery thread took the work; not when all are busy and their queue is full. */
	boolean start(Runnable work) {
		try {
			this.pool.execute(work);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Sends a claimed delivery on this thread, or lets it wait in its webhook's lane, or gives it back if full. */
	void deliver(Claimed delivery) {
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
				this.send.accept(next);
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

	/** The webhook's slot just freed: the delivery that takes it, if one waits; those that waited too long go back. */
	private Claimed handOn(UUID webhookId) {
		Instant now = Timestamps.now();
		WebhookLanes.Next next = this.lanes.exit(webhookId, now);
		next.expired().forEach((expired) -> this.store.release(expired, now, now));
		return next.delivery();
	}

	/** Stops both pools; deliveries cut short are claimed again when their claim runs out, those waiting go back now. */
	void shutdown() {
		this.pool.shutdownNow();
		this.trials.shutdownNow();
		Instant now = Timestamps.now();
		this.lanes.drain().forEach((waiting) -> this.store.release(waiting, now, now));
	}

}
