package dev.camundahil.action;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code action_vote} table: one row per approver and action, never changed once written. Its unique key is
 * the last guard against counting a person twice; {@link ActionService} locks the action before it votes.
 */
class ActionVoteRepository {

	private final JdbcTemplate jdbc;

	private final JsonColumns json;

	private final String insert;

	ActionVoteRepository(JdbcTemplate jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
		this.insert = "INSERT INTO action_vote (id, action_id, voter, answer, channel, created_at) VALUES (?, ?, ?, "
				+ json.parameter() + ", ?, ?)";
	}

	void insert(UUID actionId, ActionVote vote) {
		this.jdbc.update(this.insert, UUID.randomUUID(), actionId, vote.by(), this.json.write(vote.value()),
				vote.channel(), Timestamp.from(vote.at()));
	}

	/** The votes on an action, in the order they were given. */
	List<ActionVote> of(UUID actionId) {
		return this.jdbc.query("SELECT voter, answer, channel, created_at FROM action_vote WHERE action_id = ? "
				+ "ORDER BY created_at, voter", (rs, row) -> new ActionVote(rs.getString("voter"),
						this.json.read(rs.getString("answer"), Object.class), instant(rs.getObject("created_at",
								OffsetDateTime.class)), rs.getString("channel")), actionId);
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
