package dev.camundahil.reply;

import java.util.Locale;
import java.util.UUID;

/**
 * What handling one received message came to. Every outcome is final for the message, except {@code failed}, which
 * later polls try again up to {@code hil.mail.inbound.max-attempts} times.
 *
 * @param kind which outcome it was
 * @param actionId the action it was about, null when none
 * @param notice a short message owed to the sender, saying why the reply was not taken; null when none is owed
 * @param lateNoticeTo the sender of a late reply who is owed a message saying how the action ended, recorded in
 * {@code action_late_reply_notice} and sent once this outcome has committed; null when none is owed
 */
record ReplyOutcome(Kind kind, UUID actionId, String notice, String lateNoticeTo) {

	ReplyOutcome(Kind kind, UUID actionId, String notice) {
		this(kind, actionId, notice, null);
	}

	static ReplyOutcome of(Kind kind, UUID actionId) {
		return new ReplyOutcome(kind, actionId, null);
	}

	/**
	 * Whether the message is done with and ours, to be marked seen or moved. Mail that matches no action is someone
	 * else's, and a failed message stays where it is to be read again.
	 */
	boolean marksMessage() {
		return this.kind != Kind.UNMATCHED && this.kind != Kind.FAILED;
	}

	/** The outcomes, stored in {@code action_inbound_mail.outcome} by their lower-case names. */
	enum Kind {

		/** The reply answered its action. */
		APPLIED,
		/** An automatic reply, left alone. */
		IGNORED,
		/** Not taken as an answer. */
		REJECTED,
		/** The action had ended before the reply came. */
		LATE,
		/** Handling threw; tried again later. */
		FAILED,
		/** Handled before. */
		DUPLICATE,
		/** No action of ours. */
		UNMATCHED;

		/** The name stored in the ledger. */
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		@Override
		public String toString() {
			return value();
		}

	}

}
