package dev.camundahil.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.Timestamps;
import dev.camundahil.webhook.WebhookAddressPolicy.RefusedUrlException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, changes and removes webhooks for the API: checks their URL and events, seals their secret, and makes
 * this node's {@link ActiveWebhooks} read the list again once a change has committed.
 */
class WebhookSubscriptions {

	private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

	private final ActionWebhookRepository webhooks;

	private final WebhookDeliveries deliveries;

	private final WebhookAddressPolicy addressPolicy;

	private final SecretBox secrets;

	private final ActiveWebhooks activeWebhooks;

	private final TransactionTemplate transactions;

	WebhookSubscriptions(ActionWebhookRepository webhooks, WebhookDeliveries deliveries,
			WebhookAddressPolicy addressPolicy, SecretBox secrets, ActiveWebhooks activeWebhooks,
			TransactionTemplate transactions) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.addressPolicy = addressPolicy;
		this.secrets = secrets;
		this.activeWebhooks = activeWebhooks;
		this.transactions = transactions;
	}

	CreatedWebhook create(WebhookRequest request) {
		String url = checkedUrl(request.url);
		if (request.events == null) {
			throw WebhookProblems.invalid("'events' is required: a list of event names, or [\"*\"] for all");
		}
		List<String> events = checkedEvents(request.events);
		String secret = (request.secret != null) ? checkedSecret(request.secret) : WebhookSecrets.generate();
		Instant now = Timestamps.now();
		ActionWebhook webhook = new ActionWebhook(url, events, null, request.active == null || request.active, now);
		webhook.changeSecret(this.secrets.seal(secret, webhook.getId()), now);
		this.webhooks.save(webhook);
		this.activeWebhooks.forget();
		log.info("Webhook {} created for {} ({})", webhook.getId(), events, webhook.isActive() ? "active" : "inactive");
		return CreatedWebhook.of(webhook, secret);
	}

	List<WebhookView> list() {
		return this.webhooks.findAll(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id")))
			.stream()
			.map(WebhookView::of)
			.toList();
	}

	WebhookView find(UUID id) {
		return WebhookView.of(load(id));
	}

	WebhookView change(UUID id, WebhookRequest request) {
		String url = (request.url != null) ? checkedUrl(request.url) : null;
		List<String> events = (request.events != null) ? checkedEvents(request.events) : null;
		String secret = (request.secret != null) ? checkedSecret(request.secret) : null;
		WebhookView changed = this.transactions.execute((status) -> {
			ActionWebhook webhook = load(id);
			Instant now = Timestamps.now();
			if (url != null) {
				webhook.changeUrl(url, now);
			}
			if (events != null) {
				webhook.changeEvents(events, now);
			}
			if (request.active != null) {
				webhook.changeActive(request.active, now);
			}
			if (secret != null) {
				webhook.changeSecret(this.secrets.seal(secret, id), now);
			}
			return WebhookView.of(this.webhooks.save(webhook));
		});
		this.activeWebhooks.forget();
		log.info("Webhook {} changed{}", id, (secret != null) ? " (new secret)" : "");
		return changed;
	}

	/** Removes a webhook and its deliveries; the schema keeps no deleted webhooks. */
	void delete(UUID id) {
		this.transactions.executeWithoutResult((status) -> {
			ActionWebhook webhook = load(id);
			this.deliveries.deleteAllOf(id);
			this.webhooks.delete(webhook);
		});
		this.activeWebhooks.forget();
		log.info("Webhook {} deleted", id);
	}

	DeliveryPage deliveries(UUID id, int page, int size) {
		load(id);
		return new DeliveryPage(this.deliveries.page(id, page, size), page, size, this.deliveries.count(id));
	}

	private ActionWebhook load(UUID id) {
		return this.webhooks.findById(id).orElseThrow(() -> WebhookProblems.notFound(id));
	}

	private String checkedUrl(String url) {
		try {
			return this.addressPolicy.check(url).toString();
		}
		catch (RefusedUrlException ex) {
			throw WebhookProblems.invalid(ex.getMessage());
		}
	}

	private static List<String> checkedEvents(List<String> events) {
		if (events.isEmpty()) {
			throw WebhookProblems.invalid("'events' must name at least one event, or \"*\" for all");
		}
		List<String> unknown = new ArrayList<>();
		for (String event : events) {
			if (event == null || !WebhookEvents.isKnown(event)) {
				unknown.add(String.valueOf(event));
			}
		}
		if (!unknown.isEmpty()) {
			throw WebhookProblems.invalid("'events' has unknown event(s) " + unknown + "; known are "
					+ WebhookEvents.KNOWN + " and \"*\" for all");
		}
		return List.copyOf(new LinkedHashSet<>(events));
	}

	private static String checkedSecret(String secret) {
		String problem = WebhookSecrets.problemWith(secret);
		if (problem != null) {
			throw WebhookProblems.invalid(problem);
		}
		return secret;
	}

}
