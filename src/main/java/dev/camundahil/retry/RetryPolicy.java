package dev.camundahil.retry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When work that failed is tried again, given how many attempts in a row have failed: the wait before the next
 * attempt, or none when the work has failed for good. Implementations are immutable and thread-safe.
 */
public interface RetryPolicy {

	/** The wait before the next attempt after {@code failedAttempts} failed ones, or empty to give up. */
	Optional<Duration> delayAfter(int failedAttempts);

	/** All attempts the work gets, the first included; {@link Integer#MAX_VALUE} when it never gives up. */
	int maxAttempts();

	/** The n-th failure waits the n-th of {@code waits}; a failure with no wait left is final. */
	static RetryPolicy listed(List<Duration> waits) {
		return new Listed(waits);
	}

	/** The first failure waits {@code first}, every further one twice as long as the one before, up to {@code max}. */
	static RetryPolicy exponentialBackoff(Duration first, Duration max) {
		return new ExponentialBackoff(first, max);
	}

	/** Waits as listed, so a list of n waits means n + 1 attempts. */
	record Listed(List<Duration> waits) implements RetryPolicy {

		public Listed {
			if (waits == null || waits.stream().anyMatch((wait) -> wait == null || wait.isNegative())) {
				throw new IllegalArgumentException("waits must be durations of zero or more, not " + waits);
			}
			waits = List.copyOf(waits);
		}

		@Override
		public Optional<Duration> delayAfter(int failedAttempts) {
			return (failedAttempts < maxAttempts()) ? Optional.of(this.waits.get(Math.max(0, failedAttempts - 1)))
					: Optional.empty();
		}

		@Override
		public int maxAttempts() {
			return this.waits.size() + 1;
		}

		@Override
		public String toString() {
			return this.waits.toString();
		}

	}

	/** Doubles the wait with every failure, from {@code first} up to {@code max}, and never gives up. */
	record ExponentialBackoff(Duration first, Duration max) implements RetryPolicy {

		public ExponentialBackoff {
			if (first == null || max == null || first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
				throw new IllegalArgumentException("the first wait must be positive and at most the longest, not "
						+ first + " and " + max);
			}
		}

		@Override
		public Optional<Duration> delayAfter(int failedAttempts) {
			Duration wait = this.first.multipliedBy(1L << Math.min(Math.max(0, failedAttempts - 1), 30));
			return Optional.of((wait.compareTo(this.max) > 0) ? this.max : wait);
		}

		@Override
		public int maxAttempts() {
			return Integer.MAX_VALUE;
		}

	}

}
