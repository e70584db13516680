package dev.camundahil.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as the API shows it: never with its secret.
 */
record WebhookView(UUID id, String url, List<String> events, boolean active, Instant createdAt, Instant updatedAt) {

	static WebhookView of(ActionWebhook webhook) {
		return new WebhookView(webhook.getId(), webhook.getUrl(), webhook.getEvents(), webhook.isActive(),
				webhook.getCreatedAt(), webhook.getUpdatedAt());
	}

}
