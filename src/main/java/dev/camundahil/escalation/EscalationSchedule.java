package dev.camundahil.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.EscalationLevel;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code action_escalation} table: one row per level of an action's escalation, written in the transaction that
 * opens the action and due at its creation plus the level's duration (an extension of the deadline leaves it as it
 * is). A row is done once its level has been carried out, or once its action has closed.
 */
class EscalationSchedule {

	private final JdbcTemplate jdbc;

	private final String claim;

	EscalationSchedule(JdbcTemplate jdbc, boolean postgres) {
		this.jdbc = jdbc;
		// on PostgreSQL a row being carried out is locked and skipped by other sweeps; H2 serves one node, whose
		// scheduler runs one sweep at a time
		this.claim = "SELECT id, action_id, level FROM action_escalation WHERE done_at IS NULL AND due_at <= ? "
				+ "ORDER BY due_at LIMIT 1" + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
	}

	@EventListener
	void on(ActionEvent event) {
		if (event.type() == ActionEvent.Type.CREATED) {
			List<EscalationLevel> levels = EscalationLevel.of(event.action());
			Instant created = event.action().createdAt();
			for (int level = 0; level < levels.size(); level++) {
				this.jdbc.update("INSERT INTO action_escalation (id, action_id, level, due_at) VALUES (?, ?, ?, ?)",
						UUID.randomUUID(), event.action().id(), level + 1,
						Timestamp.from(created.plus(levels.get(level).after())));
			}
		}
		else if (event.closesAction() && !EscalationLevel.of(event.action()).isEmpty()) {
			this.jdbc.update("UPDATE action_escalation SET done_at = ? WHERE action_id = ? AND done_at IS NULL",
					Timestamp.from(event.timestamp()), event.action().id());
		}
	}

	/** Claims the next due level, locked until the caller's transaction ends; empty when none is due. */
	Optional<DueLevel> claim(Instant now) {
		return this.jdbc
			.query(this.claim, (rs, row) -> new DueLevel(rs.getObject("id", UUID.class),
					rs.getObject("action_id", UUID.class), rs.getInt("level")), Timestamp.from(now))
			.stream()
			.findFirst();
	}

	void done(UUID id, Instant now) {
		this.jdbc.update("UPDATE action_escalation SET done_at = ? WHERE id = ?", Timestamp.from(now), id);
	}

	/** A level of an action's escalation that has come due; levels count from 1. */
	record DueLevel(UUID id, UUID actionId, int level) {
	}

}
