package dev.camundahil.health;

import java.time.Duration;
import java.time.Instant;

import dev.camundahil.channel.DispatchBacklog;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether requests and reminders go out: down when the oldest due row of the dispatch outbox has waited longer than
 * {@code hil.health.dispatch-max-delay} (the workers are stuck, or the channel keeps failing).
 */
final class DispatchHealth implements HealthIndicator {

	private final DispatchBacklog dispatches;

	private final Duration maxDelay;

	DispatchHealth(DispatchBacklog dispatches, Duration maxDelay) {
		this.dispatches = dispatches;
		this.maxDelay = maxDelay;
	}

	@Override
	public Health health() {
		Instant now = Instant.now();
		DispatchBacklog.Backlog backlog = this.dispatches.backlog(now);
		boolean late = backlog.oldestDue() != null && backlog.oldestDue().plus(this.maxDelay).isBefore(now);
		return (late ? Health.down() : Health.up()).withDetail("due", backlog.due())
			.withDetail("oldestDue", String.valueOf(backlog.oldestDue()))
			.withDetail("failed", backlog.failed())
			.withDetail("maxDelay", this.maxDelay.toString())
			.build();
	}

}
