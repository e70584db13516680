package dev.camundahil.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to creating a webhook: the one place its secret is ever shown.
 */
record CreatedWebhook(UUID id, String url, List<String> events, boolean active, String secret, Instant createdAt,
		Instant updatedAt) {

	static CreatedWebhook of(ActionWebhook webhook, String secret) {
		return new CreatedWebhook(webhook.getId(), webhook.getUrl(), webhook.getEvents(), webhook.isActive(), secret,
				webhook.getCreatedAt(), webhook.getUpdatedAt());
	}

	@Override
	public String toString() {
		return "CreatedWebhook[id=" + this.id + ", url=" + this.url + "]";
	}

}
