package dev.camundahil.channel.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code action_email_copy}: the copies of an email that went out for one dispatch outbox row, one per
 * recipient, each written as soon as its copy was sent and outside any transaction, so that a retry of the row
 * sends only the copies still owed, with the Message-ID the others went out with. Rows are kept, as the outbox
 * rows are: they are small, and deleting them once all copies went out would send them all again if the delivery
 * could then not be recorded.
 */
final class EmailCopies {

	private final JdbcTemplate jdbc;

	EmailCopies(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The copies sent for a dispatch row so far: the Message-ID each went out with, by recipient address. */
	Map<String, String> sent(UUID dispatchId) {
		Map<String, String> sent = new LinkedHashMap<>();
		this.jdbc.query("SELECT recipient, message_id FROM action_email_copy WHERE dispatch_id = ? ORDER BY sent_at",
				(rs) -> {
					sent.put(rs.getString("recipient"), rs.getString("message_id"));
				}, dispatchId);
		return sent;
	}

	/** Records a copy that went out. */
	void record(UUID dispatchId, String recipient, String messageId, Instant sentAt) {
		try {
			this.jdbc.update("INSERT INTO action_email_copy (dispatch_id, recipient, message_id, sent_at) "
					+ "VALUES (?, ?, ?, ?)", dispatchId, key(recipient), messageId, Timestamp.from(sentAt));
		}
		catch (DuplicateKeyException ex) {
			// another node sent it too, after this one's claim had lapsed; one record is enough
		}
	}

	/** How a recipient's address is kept and looked up: addresses are matched ignoring case, as recipients are. */
	static String key(String address) {
		return address.toLowerCase(Locale.ROOT);
	}

}
