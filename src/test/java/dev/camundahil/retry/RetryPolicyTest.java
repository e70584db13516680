package dev.camundahil.retry;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTest {

	private static final Duration S5 = Duration.ofSeconds(5);

	private static final Duration S30 = Duration.ofSeconds(30);

	@Test
	void aListedPolicyWaitsTheNthWaitAfterTheNthFailureThenGivesUp() {
		RetryPolicy policy = RetryPolicy.listed(List.of(S5, S30));

		assertThat(policy.maxAttempts()).isEqualTo(3);
		assertThat(policy.delayAfter(1)).contains(S5);
		assertThat(policy.delayAfter(2)).contains(S30);
		assertThat(policy.delayAfter(3)).isEmpty();
		assertThat(policy.delayAfter(4)).isEmpty();
	}

	@Test
	void anEmptyListMeansOneAttempt() {
		RetryPolicy policy = RetryPolicy.listed(List.of());

		assertThat(policy.maxAttempts()).isEqualTo(1);
		assertThat(policy.delayAfter(1)).isEmpty();
	}

	@Test
	void aListedPolicyRefusesNegativeWaits() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.listed(List.of(S5, Duration.ofSeconds(-1))));
	}

	@Test
	void exponentialBackoffDoublesUpToTheLongestWaitAndNeverGivesUp() {
		RetryPolicy policy = RetryPolicy.exponentialBackoff(S5, S30);

		assertThat(List.of(1, 2, 3, 4, 100).stream().map((failures) -> policy.delayAfter(failures).orElseThrow()))
			.containsExactly(S5, Duration.ofSeconds(10), Duration.ofSeconds(20), S30, S30);
		assertThat(policy.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void exponentialBackoffRefusesAFirstWaitOfZeroOrAboveTheLongest() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.exponentialBackoff(Duration.ZERO, S30));
		assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.exponentialBackoff(S30, S5));
	}

}
