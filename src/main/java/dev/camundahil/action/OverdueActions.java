package dev.camundahil.action;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.camundahil.schema.HilDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds overdue pending actions for the expiry sweep, oldest deadline first, leaving out those whose expiry failed
 * a short while ago. On PostgreSQL the rows are claimed with {@code FOR UPDATE SKIP LOCKED}: locked until the
 * calling transaction ends, and skipped by every other sweep and by a response being written at the same moment.
 * Other databases (H2, run on one node) read them without a lock; the action's version still decides a race.
 */
class OverdueActions {

	// The failure lookup is a scalar subquery so that PostgreSQL stops at the limit instead of reading the whole
	// audit table, and JIT is off because the planner prices this cheap query as if it read every overdue row (see
	// docs/data-model.md).
	private static final String POSTGRESQL_PLAN = "SET LOCAL jit = off";

	private static final String OVERDUE = """
			SELECT a.id FROM action_request a
			WHERE a.status = 'pending' AND a.deleted_at IS NULL AND a.expires_at <= ?
			  AND (SELECT 1 FROM action_audit f
			       WHERE f.action_id = a.id AND f.event = '%s' AND f.timestamp > ? LIMIT 1) IS NULL
			""".formatted(AuditEvents.EXPIRY_FAILED);

	private final JdbcTemplate jdbc;

	private final boolean locks;

	private final String batchClaim;

	private final String oneClaim;

	private final String plan;

	private OverdueActions(JdbcTemplate jdbc, String lock, String plan) {
		this.jdbc = jdbc;
		this.locks = !lock.isEmpty();
		this.batchClaim = OVERDUE + " ORDER BY a.expires_at LIMIT ?" + lock;
		this.oneClaim = OVERDUE + " AND a.id = ?" + lock;
		this.plan = plan;
	}

	static OverdueActions forDatabase(JdbcTemplate jdbc, HilDatabase database) {
		return database.isPostgres()
				? new OverdueActions(jdbc, " FOR UPDATE OF a SKIP LOCKED", POSTGRESQL_PLAN)
				: new OverdueActions(jdbc, "", null);
	}

	/** Whether claimed rows stay locked to other sweeps, so that several may run at the same time. */
	boolean locksClaims() {
		return this.locks;
	}

	/** The statement that claims a batch; its parameters: now, failed since, limit. */
	String batchClaim() {
		return this.batchClaim;
	}

	/** Claims up to {@code limit} actions overdue at {@code now} whose expiry has not failed since {@code failedSince}. */
	List<UUID> claim(Instant now, Instant failedSince, int limit) {
		preparePlan();
		return this.jdbc.queryForList(this.batchClaim, UUID.class, at(now), at(failedSince), limit);
	}

	/** Claims one action if it is still overdue and nobody else holds it. */
	boolean claim(UUID id, Instant now, Instant failedSince) {
		preparePlan();
		return !this.jdbc.queryForList(this.oneClaim, UUID.class, at(now), at(failedSince), id).isEmpty();
	}

	private void preparePlan() {
		if (this.plan != null) {
			this.jdbc.execute(this.plan);
		}
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
