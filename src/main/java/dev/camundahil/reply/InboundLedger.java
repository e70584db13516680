package dev.camundahil.reply;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the mailbox reader has done: the last message read per mailbox (by IMAP UID), and every message handled
 * (by Message-ID), so that each message is handled once even across restarts, crashes and a second node. A message
 * that failed keeps its error, how often it was tried and where it lies, so that later polls can read it again.
 */
class InboundLedger {

	private final JdbcTemplate jdbc;

	InboundLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The highest UID handled in this mailbox, or 0 when the mailbox is new or its UIDs were renumbered. */
	long lastUid(String mailbox, long uidValidity) {
		List<long[]> rows = this.jdbc.query(
				"SELECT uid_validity, last_uid FROM action_inbound_mailbox WHERE mailbox = ?",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }, mailbox);
		if (rows.isEmpty() || rows.get(0)[0] != uidValidity) {
			return 0;
		}
		return rows.get(0)[1];
	}

	void advance(String mailbox, long uidValidity, long uid) {
		int updated = this.jdbc.update(
				"UPDATE action_inbound_mailbox SET uid_validity = ?, last_uid = ? WHERE mailbox = ?", uidValidity, uid,
				mailbox);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO action_inbound_mailbox (mailbox, uid_validity, last_uid) VALUES (?, ?, ?)",
					mailbox, uidValidity, uid);
		}
	}

	/** Whether the message was handled to an end; one that failed is not, and may be tried again. */
	boolean isHandled(String messageId) {
		Integer count = this.jdbc.queryForObject(
				"SELECT count(*) FROM action_inbound_mail WHERE message_id = ? AND outcome <> 'failed'", Integer.class,
				messageId);
		return count != null && count > 0;
	}

	/** Records how a message was handled, in place of the failed attempts before, if any. */
	void recordHandled(InboundMessage message, UUID actionId, ReplyOutcome.Kind outcome) {
		int updated = this.jdbc.update("UPDATE action_inbound_mail SET action_id = ?, outcome = ?, sender = ?, "
				+ "handled_at = ?, attempts = attempts + 1, error = NULL WHERE message_id = ? AND outcome = 'failed'",
				actionId, outcome.value(), message.from(), Timestamp.from(Timestamps.now()), message.messageId());
		if (updated == 0) {
			this.jdbc.update("INSERT INTO action_inbound_mail (message_id, action_id, outcome, sender, handled_at) "
					+ "VALUES (?, ?, ?, ?, ?)", message.messageId(), actionId, outcome.value(), message.from(),
					Timestamp.from(Timestamps.now()));
		}
	}

	/**
	 * Records a failed attempt at a message, with its error and where it lies to be read again.
	 * @return how many attempts at it have failed
	 */
	int recordFailed(InboundMessage message, UUID actionId, MailboxUid where, String error) {
		return recordFailed(message.messageId(), message.from(), actionId, where, error);
	}

	/**
	 * Records a failed attempt at a message known by its Message-ID and sender only, such as one whose content could
	 * not be read.
	 * @return how many attempts at it have failed
	 */
	int recordFailed(String messageId, String from, UUID actionId, MailboxUid where, String error) {
		Timestamp now = Timestamp.from(Timestamps.now());
		int updated = this.jdbc.update("UPDATE action_inbound_mail SET action_id = ?, sender = ?, handled_at = ?, "
				+ "attempts = attempts + 1, error = ?, mailbox = ?, uid_validity = ?, uid = ? "
				+ "WHERE message_id = ? AND outcome = 'failed'", actionId, from, now, error, where.mailbox(),
				where.uidValidity(), where.uid(), messageId);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO action_inbound_mail (message_id, action_id, outcome, sender, handled_at, "
					+ "attempts, error, mailbox, uid_validity, uid) VALUES (?, ?, 'failed', ?, ?, 1, ?, ?, ?, ?)",
					messageId, actionId, from, now, error, where.mailbox(), where.uidValidity(),
					where.uid());
		}
		return this.jdbc.queryForObject("SELECT attempts FROM action_inbound_mail WHERE message_id = ?",
				Integer.class, messageId);
	}

	/** The UIDs of this mailbox's failed messages that may be tried again, oldest first. */
	List<Long> failedToRetry(String mailbox, long uidValidity, int maxAttempts, int limit) {
		return this.jdbc.queryForList(
				"SELECT uid FROM action_inbound_mail WHERE outcome = 'failed' AND mailbox = ? AND uid_validity = ? "
						+ "AND uid IS NOT NULL AND attempts < ? ORDER BY uid LIMIT ?",
				Long.class, mailbox, uidValidity, maxAttempts, limit);
	}

	/** Forgets where a failed message lies, once it is no longer there: it stays failed and is not read again. */
	void forgetPlace(String mailbox, long uidValidity, long uid) {
		this.jdbc.update("UPDATE action_inbound_mail SET uid = NULL WHERE outcome = 'failed' AND mailbox = ? "
				+ "AND uid_validity = ? AND uid = ?", mailbox, uidValidity, uid);
	}

}
