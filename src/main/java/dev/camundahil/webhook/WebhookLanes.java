package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.camundahil.webhook.WebhookDeliveries.Claimed;

/**
 * This node's sends to each webhook: at most {@code concurrency} at once, and one at a time while the webhook's
 * endpoint has not answered this node yet, or failed since it last did (a new webhook, a node just started, an
 * endpoint that went silent): one that turns out not to answer then holds one thread until the send times out,
 * not its whole share, and that thread is one of the trial threads. A delivery claimed while its webhook has its share in flight waits here, in claim order, and
 * the thread that ends one of the webhook's sends takes it next.
 * Handing claimed rows back to the table instead would cost two writes each and a later claim, and with several
 * webhooks sharing the threads most of a claim would go back. A wait is bounded in length and in time, so that a
 * claim never runs out while its delivery waits: what does not fit, or waited too long, goes back to the table.
 */
final class WebhookLanes {

	enum Entry {

		/** Sent now, on a slot of its webhook. */
		SEND,
		/** Waits for one of its webhook's sends to end. */
		WAITING,
		/** The webhook's lane is full: back to the table with it. */
		FULL

	}

	/** The delivery to send next on the slot just freed (or null: the slot is free), and those that waited too long. */
	record Next(Claimed delivery, List<Claimed> expired) {
	}

	private final int concurrency;

	private final int maxWaiting;

	private final Duration maxWait;

	private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

	WebhookLanes(int concurrency, int maxWaiting, Duration maxWait) {
		this.concurrency = concurrency;
		this.maxWaiting = maxWaiting;
		this.maxWait = maxWait;
	}

	Entry enter(Claimed delivery, Instant now) {
		Lane lane = this.lanes.computeIfAbsent(delivery.webhookId(), (id) -> new Lane());
		synchronized (lane) {
			if (lane.sending < lane.limit(this.concurrency)) {
				lane.sending++;
				return Entry.SEND;
			}
			if (lane.waiting.size() < this.maxWaiting) {
				lane.waiting.add(new Waiting(delivery, now));
				return Entry.WAITING;
			}
			return Entry.FULL;
		}
	}

	/**
	 * A send to the webhook ended: its slot goes to the next delivery that has not waited too long, if any, unless
	 * the webhook has more sends in flight than it may now have.
	 */
	Next exit(UUID webhookId, Instant now) {
		Lane lane = this.lanes.get(webhookId);
		List<Claimed> expired = new ArrayList<>();
		synchronized (lane) {
			Waiting next;
			while (lane.sending <= lane.limit(this.concurrency) && (next = lane.waiting.poll()) != null) {
				if (now.isBefore(next.since().plus(this.maxWait))) {
					return new Next(next.delivery(), expired);
				}
				expired.add(next.delivery());
			}
			lane.sending--;
			return new Next(null, expired);
		}
	}

	/** Whether the webhook's endpoint answered the last send that told anything about it. */
	boolean isAnswering(UUID webhookId) {
		Lane lane = this.lanes.get(webhookId);
		if (lane == null) {
			return false;
		}
		synchronized (lane) {
			return lane.answering;
		}
	}

	/** The webhook's endpoint answered: it gets its whole share of sends. */
	void answered(UUID webhookId) {
		answering(webhookId, true);
	}

	/** The webhook's endpoint failed (no answer in time, no connection, 5xx): one send at a time until it answers. */
	void failed(UUID webhookId) {
		answering(webhookId, false);
	}

	private void answering(UUID webhookId, boolean answering) {
		Lane lane = this.lanes.computeIfAbsent(webhookId, (id) -> new Lane());
		synchronized (lane) {
			lane.answering = answering;
		}
	}

	/** The webhooks whose lane has no room: the sweep claims nothing for them until one of their sends ends. */
	Set<UUID> full() {
		Set<UUID> full = new HashSet<>();
		this.lanes.forEach((webhookId, lane) -> {
			synchronized (lane) {
				if (lane.waiting.size() >= this.maxWaiting) {
					full.add(webhookId);
				}
			}
		});
		return full;
	}

	/** Every delivery still waiting, taken out of the lanes: for a node that stops. */
	List<Claimed> drain() {
		List<Claimed> waiting = new ArrayList<>();
		this.lanes.values().forEach((lane) -> {
			synchronized (lane) {
				lane.waiting.forEach((entry) -> waiting.add(entry.delivery()));
				lane.waiting.clear();
			}
		});
		return waiting;
	}

	private static final class Lane {

		private int sending;

		/** Whether the endpoint answered the last send that told anything about it. */
		private boolean answering;

		private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

		/** How many sends to the webhook may be in flight now. */
		int limit(int concurrency) {
			return this.answering ? concurrency : 1;
		}

	}

	private record Waiting(Claimed delivery, Instant since) {
	}

}
