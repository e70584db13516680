package dev.camundahil.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of an event to a webhook, as the API shows it.
 *
 * @param id the {@code webhook-id} header, the same on every attempt
 * @param webhookId the webhook it goes to
 * @param status {@code pending}, {@code delivered}, {@code failed} or {@code cancelled}
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatusCode the receiver's status code on the last attempt, if it answered
 * @param lastError what went wrong on the last attempt
 */
public record DeliveryView(String id, UUID webhookId, UUID actionId, String eventType, String status, int attempts, Instant nextAttemptAt,
		Integer lastStatusCode, String lastError, Instant createdAt, Instant updatedAt, Instant deliveredAt) {
}
