package dev.camundahil.health;

import java.time.Duration;
import java.time.Instant;

import dev.camundahil.reply.MailboxPolls;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the reply mailbox is read: down once a poll of this node has failed and no poll has read the mailbox for
 * {@code hil.health.mailbox-missed-polls} intervals. Polls run on one node at a time, so a node that has not polled
 * lately says unknown rather than down.
 */
final class ReplyMailboxHealth implements HealthIndicator {

	private final MailboxPolls polls;

	private final int missedPolls;

	ReplyMailboxHealth(MailboxPolls polls, int missedPolls) {
		this.polls = polls;
		this.missedPolls = missedPolls;
	}

	@Override
	public Health health() {
		if (!this.polls.enabled()) {
			return Health.up().withDetail("enabled", false).build();
		}
		Instant now = Instant.now();
		Instant success = this.polls.lastSuccess();
		Instant failure = this.polls.lastFailure();
		Duration window = this.polls.pollInterval().multipliedBy(this.missedPolls);
		boolean recent = success != null && !success.plus(window).isBefore(now);
		boolean failedSince = failure != null && (success == null || failure.isAfter(success));
		Health.Builder health;
		if (recent && !failedSince) {
			health = Health.up();
		}
		else if (failedSince && !recent) {
			health = Health.down().withDetail("error", String.valueOf(this.polls.lastError()));
		}
		else if (failedSince) {
			// failed once, but read within the window: it may be a passing hiccup
			health = Health.up().withDetail("error", String.valueOf(this.polls.lastError()));
		}
		else {
			health = Health.unknown().withDetail("reason", "this node has not read the mailbox lately");
		}
		return health.withDetail("pollInterval", this.polls.pollInterval().toString())
			.withDetail("lastSuccess", String.valueOf(success))
			.withDetail("lastFailure", String.valueOf(failure))
			.build();
	}

}
