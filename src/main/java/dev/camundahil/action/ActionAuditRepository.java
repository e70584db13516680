package dev.camundahil.action;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code action_audit} table: entries are inserted once and read back as an action's trail.
 */
class ActionAuditRepository {

	private final JdbcTemplate jdbc;

	private final JsonColumns json;

	private final String insert;

	ActionAuditRepository(JdbcTemplate jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
		this.insert = "INSERT INTO action_audit (id, action_id, event, data, user_id, timestamp) VALUES (?, ?, ?, "
				+ json.parameter() + ", ?, ?)";
	}

	void insert(ActionAudit audit) {
		this.jdbc.update(this.insert, (ps) -> set(ps, audit));
	}

	/** Inserts many entries in one round trip. */
	void insertAll(List<ActionAudit> audits) {
		this.jdbc.batchUpdate(this.insert, audits, audits.size(), this::set);
	}

	private void set(PreparedStatement ps, ActionAudit audit) throws SQLException {
		ps.setObject(1, audit.getId());
		ps.setObject(2, audit.getActionId());
		ps.setString(3, audit.getEvent());
		ps.setString(4, this.json.write(audit.getData()));
		ps.setString(5, audit.getUserId());
		ActionRequestRepository.setInstant(ps, 6, audit.getTimestamp());
	}

	/** An action's entries, oldest first. */
	List<ActionAudit> trail(UUID actionId) {
		return this.jdbc.query("SELECT id, action_id, event, data, user_id, timestamp FROM action_audit "
				+ "WHERE action_id = ? ORDER BY timestamp, id", this::audit, actionId);
	}

	private ActionAudit audit(ResultSet rs, int row) throws SQLException {
		return new ActionAudit(rs.getObject("id", UUID.class), rs.getObject("action_id", UUID.class),
				rs.getString("event"), this.json.readMap(rs.getString("data")), rs.getString("user_id"),
				rs.getObject("timestamp", OffsetDateTime.class).toInstant());
	}

}
