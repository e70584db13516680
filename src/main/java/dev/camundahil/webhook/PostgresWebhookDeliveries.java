package dev.camundahil.webhook;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook outbox on PostgreSQL: a claim is one statement that skips the rows other nodes are claiming at the
 * same moment, equal attempts oldest first.
 */
final class PostgresWebhookDeliveries extends WebhookDeliveries {

	PostgresWebhookDeliveries(JdbcTemplate jdbc) {
		super(jdbc);
	}

	@Override
	List<Claimed> claimDueRows(Instant now, Instant claimedUntil, int limit, Collection<UUID> skipped) {
		// due rows are looked up webhook by webhook, so that a skipped webhook's rows are never read, then locked and
		// claimed by primary key; docs/data-model.md says why each part is written as it is
		return this.jdbc.query("""
				WITH claimed AS (
				  UPDATE action_webhook_delivery SET next_attempt_at = ?, claim_token = ?
				  WHERE id = ANY (ARRAY(
				    SELECT id FROM action_webhook_delivery
				    WHERE id = ANY (ARRAY(
				      SELECT due.id FROM action_webhook webhook CROSS JOIN LATERAL (
				        SELECT id, next_attempt_at,
				               row_number() OVER (ORDER BY next_attempt_at ROWS UNBOUNDED PRECEDING) AS turn
				        FROM action_webhook_delivery
				        WHERE webhook_id = webhook.id AND status = 'pending' AND next_attempt_at <= ?
				        ORDER BY next_attempt_at LIMIT ?) due
				      WHERE webhook.id <> ALL (?)
				      ORDER BY due.turn, due.next_attempt_at LIMIT ?))
				    AND next_attempt_at <= ?
				    FOR UPDATE SKIP LOCKED))
				  RETURNING %s, created_at)
				SELECT %s FROM claimed ORDER BY attempts, created_at, id""".formatted(CLAIMED_COLUMNS,
				CLAIMED_COLUMNS), (ps) -> {
					plannedEveryTime(ps);
					ps.setObject(1, time(claimedUntil));
					ps.setObject(2, UUID.randomUUID());
					ps.setObject(3, time(now));
					ps.setInt(4, limit);
					ps.setArray(5, ps.getConnection().createArrayOf("uuid", skipped.toArray()));
					ps.setInt(6, limit);
					ps.setObject(7, time(now));
				}, CLAIMED);
	}

	/** Ids as an array, so that PostgreSQL finds the rows by primary key (see {@link #claimDueRows}). */
	@Override
	String idIn(String ids) {
		return "id = ANY (ARRAY(" + ids + "))";
	}

	/**
	 * Has PostgreSQL plan the statement for every execution, instead of keeping a plan after a few of them: one
	 * made at start-up, for an empty outbox, would read the whole table once it has filled.
	 */
	private static void plannedEveryTime(PreparedStatement statement) throws SQLException {
		if (statement.isWrapperFor(PGStatement.class)) {
			statement.unwrap(PGStatement.class).setPrepareThreshold(0);
		}
	}

}
