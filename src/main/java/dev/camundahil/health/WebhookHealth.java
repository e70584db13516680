package dev.camundahil.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.camundahil.webhook.WebhookStatus;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether webhook deliveries go out: the endpoints this node backs off from, and the backlog; down when the oldest
 * due delivery has waited longer than {@code hil.health.webhook-max-delay}. One failing receiver makes its own
 * deliveries wait, so it shows as down only once they have waited that long.
 */
final class WebhookHealth implements HealthIndicator {

	private final WebhookStatus webhooks;

	private final Duration maxDelay;

	WebhookHealth(WebhookStatus webhooks, Duration maxDelay) {
		this.webhooks = webhooks;
		this.maxDelay = maxDelay;
	}

	@Override
	public Health health() {
		Instant now = Instant.now();
		WebhookStatus.Backlog backlog = this.webhooks.backlog(now);
		Set<UUID> backingOff = this.webhooks.backingOff(now);
		boolean late = backlog.oldestDue() != null && backlog.oldestDue().plus(this.maxDelay).isBefore(now);
		return (late ? Health.down() : Health.up()).withDetail("due", backlog.due())
			.withDetail("oldestDue", String.valueOf(backlog.oldestDue()))
			.withDetail("failed", backlog.failed())
			.withDetail("backingOff", backingOff.stream().map(UUID::toString).sorted().toList())
			.withDetail("maxDelay", this.maxDelay.toString())
			.build();
	}

}
