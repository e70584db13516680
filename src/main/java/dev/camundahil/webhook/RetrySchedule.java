package dev.camundahil.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When delivery attempts happen: the first delay before the first attempt, each further one after the previous
 * attempt failed. As many attempts as delays.
 */
record RetrySchedule(List<Duration> delays) {

	RetrySchedule {
		if (delays == null || delays.isEmpty()) {
			throw new IllegalStateException("hil.webhooks.retry-schedule needs at least one duration");
		}
		if (delays.stream().anyMatch((delay) -> delay == null || delay.isNegative())) {
			throw new IllegalStateException("hil.webhooks.retry-schedule must not contain negative durations");
		}
		delays = List.copyOf(delays);
	}

	Duration firstDelay() {
		return this.delays.get(0);
	}

	/** The delay before the next attempt after {@code attemptsMade} failed ones, or empty when none is left. */
	Optional<Duration> delayAfter(int attemptsMade) {
		return (attemptsMade < this.delays.size()) ? Optional.of(this.delays.get(attemptsMade)) : Optional.empty();
	}

}
