package dev.camundahil.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a failed delivery is tried again: the n-th failure waits the n-th duration of the schedule; a failure with
 * no duration left is final.
 */
final class RetrySchedule {

	private final List<Duration> waits;

	RetrySchedule(List<Duration> waits) {
		for (Duration wait : waits) {
			if (wait == null || wait.isNegative()) {
				throw new IllegalArgumentException("hil.dispatch.retry-schedule must list durations of zero or more, not "
						+ waits);
			}
		}
		this.waits = List.copyOf(waits);
	}

	/** All attempts a message gets: the first one and one per wait. */
	int maxAttempts() {
		return this.waits.size() + 1;
	}

	/** Whether a message that failed its {@code attempts}-th attempt is tried again. */
	boolean retries(int attempts) {
		return attempts < maxAttempts();
	}

	/** When the attempt after the {@code attempts}-th failed one is due. */
	Instant nextAttempt(int attempts, Instant failedAt) {
		return failedAt.plus(this.waits.get(Math.max(0, attempts - 1)));
	}

	@Override
	public String toString() {
		return this.waits.toString();
	}

}
