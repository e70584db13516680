package dev.camundahil.reply;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.camundahil.action.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code action_late_reply_notice}: the messages owed to people whose reply came after its action had
 * closed. A row is written in the reply's transaction, at most one per action and sender, and claimed for a while
 * by whoever sends it, so that the first send after commit and the sweep of failed ones never send it twice.
 */
class LateReplyNotices {

	private static final String COLUMNS = "action_id, sender, in_reply_to, reference_ids, subject, body, attempts";

	private final JdbcTemplate jdbc;

	LateReplyNotices(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a notice owed, due at once, unless this sender was already told of this action.
	 * @return whether it was recorded (false: one was owed or sent before)
	 */
	boolean record(Notice notice) {
		Integer owed = this.jdbc.queryForObject(
				"SELECT count(*) FROM action_late_reply_notice WHERE action_id = ? AND sender = ?", Integer.class,
				notice.actionId(), notice.sender());
		if (owed != null && owed > 0) {
			return false;
		}
		// one node reads the mailbox and one lane handles an action's replies, so nothing races this check
		Timestamp now = Timestamp.from(Timestamps.now());
		this.jdbc.update("INSERT INTO action_late_reply_notice (" + COLUMNS + ", next_attempt_at, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)", notice.actionId(), notice.sender(), notice.inReplyTo(),
				notice.referenceIds(), notice.subject(), notice.body(), now, now);
		return true;
	}

	/**
	 * Takes a due notice for sending: it is not due again before {@code leaseUntil}, so no one else sends it
	 * meanwhile.
	 */
	Optional<Notice> claim(UUID actionId, String sender, Instant now, Instant leaseUntil) {
		int claimed = this.jdbc.update("UPDATE action_late_reply_notice SET next_attempt_at = ?, attempts = attempts + 1 "
				+ "WHERE action_id = ? AND sender = ? AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?",
				Timestamp.from(leaseUntil), actionId, sender, Timestamp.from(now));
		if (claimed != 1) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM action_late_reply_notice WHERE action_id = ? AND sender = ?",
					(rs, n) -> new Notice(rs.getObject("action_id", UUID.class), rs.getString("sender"),
							rs.getString("in_reply_to"), rs.getString("reference_ids"), rs.getString("subject"),
							rs.getString("body"), rs.getInt("attempts")),
					actionId, sender)
			.stream()
			.findFirst();
	}

	/** The notices due by {@code now}, oldest due first: {action id, sender}. */
	List<Object[]> due(Instant now, int limit) {
		return this.jdbc.query("SELECT action_id, sender FROM action_late_reply_notice WHERE next_attempt_at IS NOT NULL "
				+ "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + limit,
				(rs, n) -> new Object[] { rs.getObject("action_id", UUID.class), rs.getString("sender") },
				Timestamp.from(now));
	}

	void sent(UUID actionId, String sender, Instant now) {
		this.jdbc.update("UPDATE action_late_reply_notice SET sent_at = ?, next_attempt_at = NULL, error = NULL "
				+ "WHERE action_id = ? AND sender = ?", Timestamp.from(now), actionId, sender);
	}

	/** Records a failed send: tried again at {@code nextAttempt}, or never when it is null. */
	void failed(UUID actionId, String sender, String error, Instant nextAttempt) {
		this.jdbc.update("UPDATE action_late_reply_notice SET next_attempt_at = ?, error = ? "
				+ "WHERE action_id = ? AND sender = ?", (nextAttempt != null) ? Timestamp.from(nextAttempt) : null,
				(error.length() > 2000) ? error.substring(0, 2000) : error, actionId, sender);
	}

	/**
	 * A message owed to a late reply's sender, threaded under that reply.
	 * @param inReplyTo the late reply's Message-ID, with angle brackets
	 * @param referenceIds the reply's References and its own id, as the header carries them
	 * @param attempts how many sends were begun, this one included
	 */
	record Notice(UUID actionId, String sender, String inReplyTo, String referenceIds, String subject, String body,
			int attempts) {
	}

}
