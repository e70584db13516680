package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.camundahil.retry.RetryPolicy;

/**
 * This node's back-off from webhooks whose endpoint fails. After an attempt that got no answer in time, could not
 * connect, or was answered 5xx or 429, the node sends that webhook nothing until the back-off has passed; then one
 * delivery goes as a trial while the others keep waiting. Every failed trial doubles the back-off, up to a cap; any
 * answer ends it. A failing endpoint so costs one attempt per back-off, not an attempt for every waiting delivery
 * that holds a thread until it fails, and healthy endpoints keep the threads.
 * <p>
 * The webhook's waiting deliveries stay in the table as they are, due or not: the sweep's claim leaves the webhooks
 * held here out, and never reads their rows. The back-off lives in memory, per node: other nodes find out for
 * themselves, a restart starts afresh.
 */
final class EndpointBackoff {

	private final RetryPolicy policy;

	private final Duration max;

	private final Map<UUID, Hold> holds = new ConcurrentHashMap<>();

	EndpointBackoff(Duration first, Duration max) {
		if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
			throw new IllegalStateException("hil.webhooks.endpoint-backoff must be positive and at most "
					+ "hil.webhooks.max-endpoint-backoff");
		}
		this.policy = RetryPolicy.exponentialBackoff(first, max);
		this.max = max;
	}

	/** The webhooks whose deliveries this node does not claim now: backing off, or waiting for a trial's outcome. */
	Set<UUID> holding(Instant now) {
		// a webhook nothing was sent to for long after its back-off (deleted, or quiet) is forgotten
		this.holds.values().removeIf((hold) -> hold.stale(now, this.max));
		Set<UUID> held = new HashSet<>();
		this.holds.forEach((webhookId, hold) -> {
			if (hold.holds(now)) {
				held.add(webhookId);
			}
		});
		return held;
	}

	/** Whether this node does not claim the webhook's deliveries now, as in {@link #holding}. */
	boolean holds(UUID webhookId, Instant now) {
		Hold hold = this.holds.get(webhookId);
		return hold != null && hold.holds(now);
	}

	/**
	 * Whether a delivery this node has claimed may be sent now. Not while its webhook backs off; once the back-off
	 * has passed, the first delivery to ask is the trial and the others wait for its outcome.
	 */
	boolean admit(UUID webhookId, String deliveryId, Instant now) {
		Hold hold = this.holds.computeIfPresent(webhookId,
				(id, current) -> current.holds(now) ? current : current.withTrial(deliveryId));
		return hold == null || deliveryId.equals(hold.trial());
	}

	/** The endpoint answered: whatever it said, it is reachable and answers in time, so its deliveries flow again. */
	void answered(UUID webhookId) {
		this.holds.remove(webhookId);
	}

	/** An attempt failed for the endpoint's sake: the back-off starts, or grows if this was the trial. */
	void failed(UUID webhookId, String deliveryId, Instant now, Duration askedToWait) {
		this.holds.compute(webhookId, (id, current) -> {
			if (current == null) {
				return new Hold(1, now.plus(backoff(1, askedToWait)), null);
			}
			if (!deliveryId.equals(current.trial()) && current.holds(now)) {
				// sent before the back-off began: the failure that started it already said as much
				return current;
			}
			int failures = current.failures() + 1;
			return new Hold(failures, now.plus(backoff(failures, askedToWait)), null);
		});
	}

	/** A delivery is done; if it was the trial and told nothing about the endpoint, the next one is the trial. */
	void ended(UUID webhookId, String deliveryId) {
		this.holds.computeIfPresent(webhookId,
				(id, current) -> deliveryId.equals(current.trial()) ? current.withTrial(null) : current);
	}

	private Duration backoff(int failures, Duration askedToWait) {
		Duration backoff = this.policy.delayAfter(failures).orElseThrow();
		if (askedToWait != null && askedToWait.compareTo(backoff) > 0) {
			backoff = askedToWait;
		}
		return (backoff.compareTo(this.max) > 0) ? this.max : backoff;
	}

	/**
	 * One webhook's back-off: how many failures in a row, until when nothing is sent, and the delivery being tried
	 * since (null while none is).
	 */
	private record Hold(int failures, Instant until, String trial) {

		boolean holds(Instant now) {
			return now.isBefore(this.until) || this.trial != null;
		}

		boolean stale(Instant now, Duration forgetAfter) {
			return this.trial == null && now.isAfter(this.until.plus(forgetAfter));
		}

		Hold withTrial(String deliveryId) {
			return new Hold(this.failures, this.until, deliveryId);
		}

	}

}
