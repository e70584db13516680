package dev.camundahil.reply;

import java.util.UUID;

/**
 * What handling one received message came to. Every outcome is final for the message, except {@code failed}, which
 * later polls try again up to {@code hil.mail.inbound.max-attempts} times.
 *
 * @param outcome {@code applied}, {@code ignored}, {@code rejected}, {@code late}, {@code failed}, {@code duplicate}
 * (handled before) or {@code unmatched} (no action of ours)
 * @param actionId the action it was about, null when none
 * @param notice a short message owed to the sender, saying why the reply was not taken; null when none is owed
 */
record ReplyOutcome(String outcome, UUID actionId, String notice) {

	static final String APPLIED = "applied";

	static final String IGNORED = "ignored";

	static final String REJECTED = "rejected";

	static final String LATE = "late";

	static final String FAILED = "failed";

	static final String DUPLICATE = "duplicate";

	static final String UNMATCHED = "unmatched";

	static ReplyOutcome of(String outcome, UUID actionId) {
		return new ReplyOutcome(outcome, actionId, null);
	}

	/**
	 * Whether the message is done with and ours, to be marked seen or moved. Mail that matches no action is someone
	 * else's, and a failed message stays where it is to be read again.
	 */
	boolean marksMessage() {
		return !UNMATCHED.equals(this.outcome) && !FAILED.equals(this.outcome);
	}

}
