package dev.camundahil.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.camundahil.schema.HilDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The delivery rows of the webhook outbox ({@code action_webhook_delivery}). A sender claims a row by pushing its
 * {@code next_attempt_at} past the send timeout under a fresh {@code claim_token}; it records the outcome only
 * while it still holds that token, so of two nodes that both think they own a row, one record wins and the other
 * changes nothing. A node that dies mid-send leaves the row due again when the claim runs out. Where the SQL of
 * PostgreSQL and H2 differs, a subclass for each database spells it.
 */
abstract class WebhookDeliveries {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	static final String CANCELLED = "cancelled";

	private static final int MAX_ERROR_LENGTH = 1000;

	static final String CLAIMED_COLUMNS = "id, webhook_id, event_type, payload, attempts, claim_token";

	final JdbcTemplate jdbc;

	WebhookDeliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The outbox's rows in the given database's SQL. */
	static WebhookDeliveries of(JdbcTemplate jdbc, HilDatabase database) {
		return switch (database) {
			case POSTGRESQL -> new PostgresWebhookDeliveries(jdbc);
			case H2 -> new H2WebhookDeliveries(jdbc);
		};
	}

	void insert(List<NewDelivery> deliveries, Instant now) {
		this.jdbc.batchUpdate("INSERT INTO action_webhook_delivery (id, webhook_id, action_id, event_type, payload, "
				+ "status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)",
				deliveries, deliveries.size(), (ps, delivery) -> {
					ps.setString(1, delivery.id());
					ps.setObject(2, delivery.webhookId());
					ps.setObject(3, delivery.actionId());
					ps.setString(4, delivery.eventType());
					ps.setString(5, delivery.payload());
					ps.setObject(6, time(delivery.firstAttemptAt()));
					ps.setObject(7, time(now));
					ps.setObject(8, time(now));
				});
	}

	/** Claims one row if it is still pending and due. */
	Optional<Claimed> claim(String id, Instant now, Instant claimedUntil) {
		UUID token = UUID.randomUUID();
		int claimed = this.jdbc.update("UPDATE action_webhook_delivery SET next_attempt_at = ?, claim_token = ? "
				+ "WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?", time(claimedUntil), token, id,
				time(now));
		if (claimed == 0) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT " + CLAIMED_COLUMNS + " FROM action_webhook_delivery WHERE id = ? AND claim_token = ?",
					CLAIMED, id, token)
			.stream()
			.findFirst();
	}

	/**
	 * Claims up to {@code limit} due rows of webhooks other than {@code skipped}; rows of those stay as they are.
	 * Each webhook's oldest due rows come first, the webhooks taking turns (the oldest of each, then the second
	 * oldest of each, and so on), so that a claim does not fill up with one webhook's backlog while only
	 * {@code per-webhook-concurrency} of it can be sent at once. They come back those tried fewer times first, so
	 * that every waiting delivery gets a trial before one that already had one gets another.
	 */
	final List<Claimed> claimDue(Instant now, Instant claimedUntil, int limit, Collection<UUID> skipped) {
		return (limit > 0) ? claimDueRows(now, claimedUntil, limit, skipped) : List.of();
	}

	/** {@link #claimDue} for a limit of one or more, in this database's SQL. */
	abstract List<Claimed> claimDueRows(Instant now, Instant claimedUntil, int limit, Collection<UUID> skipped);

	/** Gives a claimed row back without an attempt, due again at the given time. */
	void release(Claimed delivery, Instant dueAt, Instant now) {
		this.jdbc.update("UPDATE action_webhook_delivery SET next_attempt_at = ?, claim_token = NULL, updated_at = ? "
				+ "WHERE id = ? AND claim_token = ?", time(dueAt), time(now), delivery.id(), delivery.claimToken());
	}

	boolean recordDelivered(Claimed delivery, int attempts, int statusCode, Instant now) {
		return this.jdbc.update("UPDATE action_webhook_delivery SET status = 'delivered', attempts = ?, "
				+ "last_status_code = ?, last_error = NULL, next_attempt_at = NULL, claim_token = NULL, "
				+ "delivered_at = ?, updated_at = ? WHERE id = ? AND claim_token = ?", attempts, statusCode, time(now),
				time(now), delivery.id(), delivery.claimToken()) == 1;
	}

	boolean recordRetry(Claimed delivery, int attempts, Integer statusCode, String error, Instant nextAttemptAt,
			Instant now) {
		return this.jdbc.update("UPDATE action_webhook_delivery SET attempts = ?, last_status_code = ?, last_error = ?, "
				+ "next_attempt_at = ?, claim_token = NULL, updated_at = ? WHERE id = ? AND claim_token = ?", attempts,
				statusCode, truncate(error), time(nextAttemptAt), time(now), delivery.id(),
				delivery.claimToken()) == 1;
	}

	/** Ends a delivery as failed or cancelled; nothing more is sent for it. */
	boolean recordEnd(Claimed delivery, String status, int attempts, Integer statusCode, String error, Instant now) {
		return this.jdbc.update("UPDATE action_webhook_delivery SET status = ?, attempts = ?, last_status_code = ?, "
				+ "last_error = ?, next_attempt_at = NULL, claim_token = NULL, updated_at = ? "
				+ "WHERE id = ? AND claim_token = ?", status, attempts, statusCode, truncate(error), time(now),
				delivery.id(), delivery.claimToken()) == 1;
	}

	List<DeliveryView> page(UUID webhookId, int page, int size) {
		return this.jdbc.query(VIEW + " WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
				VIEWS, webhookId, size, (long) page * size);
	}

	/** Deliveries due now and not yet sent, the oldest due time among them, and the failed ones: one statement. */
	WebhookStatus.Backlog backlog(Instant now) {
		return this.jdbc.queryForObject("SELECT "
				+ "sum(CASE WHEN status = 'pending' AND next_attempt_at <= ? THEN 1 ELSE 0 END) AS due, "
				+ "min(CASE WHEN status = 'pending' AND next_attempt_at <= ? THEN next_attempt_at END) AS oldest_due, "
				+ "sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed "
				+ "FROM action_webhook_delivery WHERE status IN ('pending', 'failed')",
				(rs, row) -> new WebhookStatus.Backlog(rs.getLong("due"), instant(rs, "oldest_due"),
						rs.getLong("failed")),
				time(now), time(now));
	}

	/** Deliveries of one status or one action (either may be null: all), newest first. */
	List<DeliveryView> list(String status, UUID actionId, int limit) {
		String where = ((status != null) ? " AND status = ?" : "") + ((actionId != null) ? " AND action_id = ?" : "");
		List<Object> arguments = new java.util.ArrayList<>();
		if (status != null) {
			arguments.add(status);
		}
		if (actionId != null) {
			arguments.add(actionId);
		}
		arguments.add(limit);
		return this.jdbc.query(VIEW + " WHERE 1 = 1" + where + " ORDER BY created_at DESC, id DESC LIMIT ?", VIEWS,
				arguments.toArray());
	}

	/** One delivery of a webhook, if it exists. */
	Optional<DeliveryView> find(UUID webhookId, String deliveryId) {
		return this.jdbc.query(VIEW + " WHERE webhook_id = ? AND id = ?", VIEWS, webhookId, deliveryId)
			.stream()
			.findFirst();
	}

	/** Makes a failed delivery pending and due at once, its attempts kept; false when it is not failed (any more). */
	boolean retryFailed(UUID webhookId, String deliveryId, Instant now) {
		return this.jdbc.update("UPDATE action_webhook_delivery SET status = 'pending', next_attempt_at = ?, "
				+ "claim_token = NULL, updated_at = ? WHERE webhook_id = ? AND id = ? AND status = 'failed'", time(now),
				time(now), webhookId, deliveryId) == 1;
	}

	long count(UUID webhookId) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM action_webhook_delivery WHERE webhook_id = ?",
				Long.class, webhookId);
		return (count != null) ? count : 0;
	}

	/** Where and how to send to a webhook now: null when it no longer exists. */
	Target target(UUID webhookId) {
		return this.jdbc
			.query("SELECT url, secret, active FROM action_webhook WHERE id = ?",
					(rs, row) -> new Target(rs.getString("url"), rs.getString("secret"), rs.getBoolean("active")),
					webhookId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** The active webhooks and the events each subscribes to. */
	List<Subscription> activeSubscriptions() {
		return this.jdbc.query("SELECT id, events FROM action_webhook WHERE active = true",
				(rs, row) -> new Subscription(rs.getObject("id", UUID.class), strings(rs.getArray("events"))));
	}

	/** Deletes up to {@code limit} deliveries that ended (delivered, failed, cancelled) before the given time. */
	int deleteEndedBefore(Instant before, int limit) {
		return this.jdbc.update("DELETE FROM action_webhook_delivery WHERE " + idIn(
				"SELECT id FROM action_webhook_delivery WHERE status <> 'pending' AND updated_at < ? LIMIT ?"),
				time(before), limit);
	}

	/** The condition that a row's id is one of those the query selects, as this database finds them fastest. */
	abstract String idIn(String ids);

	void deleteAllOf(UUID webhookId) {
		this.jdbc.update("DELETE FROM action_webhook_delivery WHERE webhook_id = ?", webhookId);
	}

	void deactivate(UUID webhookId, Instant now) {
		this.jdbc.update("UPDATE action_webhook SET active = false, updated_at = ? WHERE id = ?", time(now), webhookId);
	}

	private static final String VIEW = "SELECT id, webhook_id, action_id, event_type, status, attempts, "
			+ "next_attempt_at, last_status_code, last_error, created_at, updated_at, delivered_at "
			+ "FROM action_webhook_delivery";

	private static final RowMapper<DeliveryView> VIEWS = (rs, row) -> new DeliveryView(rs.getString("id"),
			rs.getObject("webhook_id", UUID.class), rs.getObject("action_id", UUID.class), rs.getString("event_type"),
			rs.getString("status"), rs.getInt("attempts"),
			PENDING.equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
			(Integer) rs.getObject("last_status_code"), rs.getString("last_error"), instant(rs, "created_at"),
			instant(rs, "updated_at"), instant(rs, "delivered_at"));

	static final RowMapper<Claimed> CLAIMED = (rs, row) -> new Claimed(rs.getString("id"),
			rs.getObject("webhook_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
			rs.getInt("attempts"), rs.getObject("claim_token", UUID.class));

	private static List<String> strings(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(String::valueOf).toList();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static String truncate(String error) {
		return (error == null || error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

	record NewDelivery(String id, UUID webhookId, UUID actionId, String eventType, String payload,
			Instant firstAttemptAt) {
	}

	/** A row this node holds the claim on. */
	record Claimed(String id, UUID webhookId, String eventType, String payload, int attempts, UUID claimToken) {
	}

	record Target(String url, String sealedSecret, boolean active) {
	}

	record Subscription(UUID webhookId, List<String> events) {
	}

}
