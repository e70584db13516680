package dev.camundahil.reply;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the mailbox reader has done: the last message read per mailbox (by IMAP UID), and every message handled
 * (by Message-ID), so that each message is handled once even across restarts, crashes and a second node.
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

	boolean isHandled(String messageId) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM action_inbound_mail WHERE message_id = ?",
				Integer.class, messageId);
		return count != null && count > 0;
	}

	void recordHandled(InboundMessage message, UUID actionId, String outcome) {
		this.jdbc.update("INSERT INTO action_inbound_mail (message_id, action_id, outcome, sender, handled_at) "
				+ "VALUES (?, ?, ?, ?, ?)", message.messageId(), actionId, outcome, message.from(),
				Timestamp.from(Timestamps.now()));
	}

}
