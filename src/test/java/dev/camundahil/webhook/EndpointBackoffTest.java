package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EndpointBackoffTest {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	private final EndpointBackoff backoff = new EndpointBackoff(Duration.ofSeconds(5), Duration.ofSeconds(30));

	private final UUID webhook = UUID.randomUUID();

	@Test
	void aWebhookThatNeverFailedIsNotHeld() {
		assertThat(this.backoff.holding(T0)).isEmpty();
		assertThat(this.backoff.admit(this.webhook, "a", T0)).isTrue();
		assertThat(this.backoff.admit(this.webhook, "b", T0)).isTrue();
	}

	@Test
	void aFailureHoldsTheWebhookThenOneDeliveryIsTried() {
		this.backoff.failed(this.webhook, "a", T0, null);

		assertThat(this.backoff.holding(T0.plusSeconds(4))).containsExactly(this.webhook);
		assertThat(this.backoff.holds(this.webhook, T0.plusSeconds(4))).isTrue();
		assertThat(this.backoff.holds(UUID.randomUUID(), T0.plusSeconds(4))).as("another webhook").isFalse();
		assertThat(this.backoff.admit(this.webhook, "b", T0.plusSeconds(4))).isFalse();

		assertThat(this.backoff.holding(T0.plusSeconds(5))).as("the back-off has passed").isEmpty();
		assertThat(this.backoff.holds(this.webhook, T0.plusSeconds(5))).isFalse();
		assertThat(this.backoff.admit(this.webhook, "b", T0.plusSeconds(5))).as("the trial").isTrue();
		assertThat(this.backoff.admit(this.webhook, "c", T0.plusSeconds(5))).as("waits for the trial").isFalse();
		assertThat(this.backoff.holding(T0.plusSeconds(6))).as("while the trial is out").containsExactly(this.webhook);
		assertThat(this.backoff.holds(this.webhook, T0.plusSeconds(6))).isTrue();
	}

	@Test
	void everyFailedTrialDoublesTheBackoffUpToTheCap() {
		this.backoff.failed(this.webhook, "a", T0, null);
		assertThat(this.backoff.holding(T0.plusSeconds(5).minusMillis(1))).containsExactly(this.webhook);
		Instant at = T0.plusSeconds(5);
		int trial = 0;
		for (long expected : new long[] { 10, 20, 30, 30 }) {
			String delivery = "trial-" + trial++;
			assertThat(this.backoff.admit(this.webhook, delivery, at)).isTrue();
			this.backoff.failed(this.webhook, delivery, at, null);
			assertThat(this.backoff.holding(at.plusSeconds(expected).minusMillis(1))).containsExactly(this.webhook);
			at = at.plusSeconds(expected);
			assertThat(this.backoff.holding(at)).isEmpty();
		}
	}

	@Test
	void anAnswerEndsTheBackoff() {
		this.backoff.failed(this.webhook, "a", T0, null);
		assertThat(this.backoff.admit(this.webhook, "b", T0.plusSeconds(5))).isTrue();

		this.backoff.answered(this.webhook);

		assertThat(this.backoff.holding(T0.plusSeconds(5))).isEmpty();
		assertThat(this.backoff.admit(this.webhook, "c", T0.plusSeconds(5))).isTrue();
		this.backoff.failed(this.webhook, "c", T0.plusSeconds(6), null);
		assertThat(this.backoff.holding(T0.plusSeconds(10))).as("starts again from the first back-off")
			.containsExactly(this.webhook);
		assertThat(this.backoff.holding(T0.plusSeconds(11))).isEmpty();
	}

	@Test
	void aFailureOfADeliverySentBeforeTheBackoffDoesNotLengthenIt() {
		this.backoff.failed(this.webhook, "a", T0, null);
		this.backoff.failed(this.webhook, "b", T0.plusSeconds(4), null);

		assertThat(this.backoff.holding(T0.plusSeconds(5))).isEmpty();
	}

	@Test
	void aLongerRetryAfterWinsUpToTheCap() {
		this.backoff.failed(this.webhook, "a", T0, Duration.ofSeconds(12));
		assertThat(this.backoff.holding(T0.plusSeconds(11))).containsExactly(this.webhook);
		assertThat(this.backoff.holding(T0.plusSeconds(12))).isEmpty();

		UUID other = UUID.randomUUID();
		this.backoff.failed(other, "b", T0, Duration.ofDays(1));
		assertThat(this.backoff.holding(T0.plusSeconds(30))).doesNotContain(other);
	}

	@Test
	void aTrialThatToldNothingLetsTheNextDeliveryTry() {
		this.backoff.failed(this.webhook, "a", T0, null);
		assertThat(this.backoff.admit(this.webhook, "b", T0.plusSeconds(5))).isTrue();
		this.backoff.ended(this.webhook, "c");
		assertThat(this.backoff.admit(this.webhook, "d", T0.plusSeconds(5))).as("b is still out").isFalse();

		this.backoff.ended(this.webhook, "b");

		assertThat(this.backoff.admit(this.webhook, "d", T0.plusSeconds(5))).isTrue();
	}

	@Test
	void aWebhookNothingWasSentToForLongIsForgotten() {
		this.backoff.failed(this.webhook, "a", T0, null);
		assertThat(this.backoff.holding(T0.plusSeconds(36))).isEmpty();
		this.backoff.failed(this.webhook, "b", T0.plusSeconds(36), null);
		assertThat(this.backoff.holding(T0.plusSeconds(41))).as("the first back-off again, not a doubled one")
			.isEmpty();
	}

	@Test
	void theBackoffMustBePositiveAndWithinItsCap() {
		assertThatIllegalStateException().isThrownBy(() -> new EndpointBackoff(Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalStateException()
			.isThrownBy(() -> new EndpointBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

}
