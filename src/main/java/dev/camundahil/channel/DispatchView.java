package dev.camundahil.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the dispatch outbox, as the API and the operations views show it.
 *
 * @param purpose {@code request} or {@code reminder}
 * @param reminder the reminder's delay, such as {@code PT1H}, for reminders
 * @param status {@code pending}, {@code delivered}, {@code failed} or {@code skipped}
 * @param nextAttemptAt when a pending row is tried next
 * @param lastError what went wrong on the last attempt, or why the row was skipped
 */
public record DispatchView(UUID id, UUID actionId, String outputType, String channel, String purpose,
		String reminder, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
		Instant deliveredAt) {
}
