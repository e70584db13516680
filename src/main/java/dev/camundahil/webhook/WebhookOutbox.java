package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.Timestamps;
import dev.camundahil.webhook.WebhookDeliveries.NewDelivery;
import dev.camundahil.webhook.WebhookDeliveries.Subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes one delivery row per subscribed webhook for every action event, inside the transaction that recorded
 * the event, and hands the rows to the {@link WebhookDeliveryWorker} once that transaction has committed. An event
 * nobody subscribes to costs nothing but a look at the {@link ActiveWebhooks} in memory.
 */
class WebhookOutbox {

	private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

	private final ActiveWebhooks activeWebhooks;

	private final WebhookDeliveries store;

	private final WebhookDeliveryWorker worker;

	private final Duration firstDelay;

	private final ObjectMapper json;

	WebhookOutbox(ActiveWebhooks activeWebhooks, WebhookDeliveries store, WebhookDeliveryWorker worker,
			Duration firstDelay, ObjectMapper json) {
		this.activeWebhooks = activeWebhooks;
		this.store = store;
		this.worker = worker;
		this.firstDelay = firstDelay;
		this.json = json;
	}

	@EventListener
	void on(ActionEvent event) {
		List<Subscription> subscribed = this.activeWebhooks.subscribedTo(event.type().value());
		if (subscribed.isEmpty()) {
			return;
		}
		String payload = payload(event);
		Instant now = Timestamps.now();
		Instant firstAttemptAt = now.plus(this.firstDelay);
		List<NewDelivery> deliveries = subscribed.stream()
			.map((subscription) -> new NewDelivery(newWebhookId(), subscription.webhookId(), event.action().id(),
					event.type().value(), payload, firstAttemptAt))
			.toList();
		this.store.insert(deliveries, now);
		log.debug("{} of action {}: {} webhook delivery(ies) queued", event.type(), event.action().id(),
				deliveries.size());
		if (this.firstDelay.isZero()) {
			afterCommit(() -> this.worker.deliverNow(deliveries));
		}
	}

	/**
	 * The body every receiver gets: {@code {type, timestamp, data: {action, ...}}}, where {@code data} also holds
	 * the event's details: {@code respondedBy} and {@code channel} of an answer, {@code from}, {@code to},
	 * {@code reason} and {@code by} of a reassignment.
	 */
	private String payload(ActionEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", event.type().value());
		body.put("timestamp", event.timestamp());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("action", event.action());
		event.details().forEach((name, value) -> {
			if (!"recipients".equals(name)) {
				data.put(name, value);
			}
		});
		body.put("data", data);
		try {
			return this.json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the webhook payload of action " + event.action().id(), ex);
		}
	}

	/** A webhook-id in the style of the Standard Webhooks examples: {@code msg_} and 32 hex digits. */
	static String newWebhookId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	private static void afterCommit(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

}
