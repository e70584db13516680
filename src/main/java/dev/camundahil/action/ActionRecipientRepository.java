package dev.camundahil.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code action_recipient} table: one row per person an action is addressed to. Rows are never deleted; a
 * reassignment sets {@code removed_at} and {@code passed_to} on the rows it removes.
 */
class ActionRecipientRepository {

	private static final String COLUMNS = "id, action_id, address, added_by, reason, created_at, removed_at, passed_to";

	private final JdbcTemplate jdbc;

	ActionRecipientRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	ActionRecipient insert(UUID actionId, String address, String addedBy, String reason, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("INSERT INTO action_recipient (id, action_id, address, added_by, reason, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", id, actionId, address, addedBy, reason, Timestamp.from(now));
		return new ActionRecipient(id, actionId, address, addedBy, reason, now, null, List.of());
	}

	/** An action's recipients, active and removed, in the order they were added. */
	List<ActionRecipient> of(UUID actionId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM action_recipient WHERE action_id = ? "
				+ "ORDER BY created_at, address", this::recipient, actionId);
	}

	Optional<ActionRecipient> find(UUID id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM action_recipient WHERE id = ?", this::recipient, id)
			.stream()
			.findFirst();
	}

	/** Removes an active recipient; false when it was removed already. */
	boolean remove(UUID id, List<String> passedTo, Instant now) {
		return this.jdbc.update("UPDATE action_recipient SET removed_at = ?, passed_to = ? "
				+ "WHERE id = ? AND removed_at IS NULL", Timestamp.from(now), String.join(",", passedTo), id) == 1;
	}

	private ActionRecipient recipient(ResultSet rs, int row) throws SQLException {
		OffsetDateTime removed = rs.getObject("removed_at", OffsetDateTime.class);
		String passedTo = rs.getString("passed_to");
		return new ActionRecipient(rs.getObject("id", UUID.class), rs.getObject("action_id", UUID.class),
				rs.getString("address"), rs.getString("added_by"), rs.getString("reason"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(removed != null) ? removed.toInstant() : null,
				(passedTo != null && !passedTo.isEmpty()) ? Arrays.asList(passedTo.split(",")) : List.of());
	}

}
