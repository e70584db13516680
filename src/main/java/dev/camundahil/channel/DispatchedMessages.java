package dev.camundahil.channel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The messages channels sent, by the Message-ID they went out with: how a reply that quotes one finds its action.
 */
public class DispatchedMessages {

	private final JdbcTemplate jdbc;

	DispatchedMessages(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The action a message was sent for, given its Message-ID with or without the angle brackets. */
	public Optional<UUID> actionOf(String messageId) {
		List<UUID> found = this.jdbc.queryForList("SELECT action_id FROM action_dispatch WHERE message_id IN (?, ?)",
				UUID.class, messageId, "<" + messageId + ">");
		return found.stream().findFirst();
	}

}
