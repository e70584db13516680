package dev.camundahil.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.schema.HilDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@code action_dispatch} table. A row is claimed for an attempt by counting the attempt and moving
 * {@code next_attempt_at} past a lease in one conditional update, so two nodes never deliver it at once; every
 * outcome is recorded only if the row still carries that attempt.
 */
final class DispatchRows {

	private static final int MAX_ERROR = 1000;

	private static final String COLUMNS = "id, action_id, output_type, channel, purpose, reminder, attempts, recipient";

	private static final RowMapper<ClaimedDispatch> CLAIMED = DispatchRows::claimed;

	private static final String VIEW = "SELECT id, action_id, output_type, channel, purpose, reminder, status, "
			+ "attempts, next_attempt_at, last_error, created_at, delivered_at FROM action_dispatch";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final boolean postgres;

	DispatchRows(JdbcTemplate jdbc, HilDatabase database) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.postgres = database.isPostgres();
	}

	/** A row still to deliver, due at {@code dueAt}. */
	UUID insertPending(UUID actionId, String outputType, String channel, Purpose purpose, String reminder,
			Instant dueAt, Instant now) {
		return insert(actionId, outputType, channel, purpose, reminder, "pending", 0, dueAt, null, null, null, now,
				null);
	}

	/** A request still to deliver to one recipient only, one a reassignment added. */
	UUID insertPendingFor(UUID actionId, String outputType, String channel, String recipient, Instant dueAt,
			Instant now) {
		return insert(actionId, outputType, channel, Purpose.REQUEST, null, "pending", 0, dueAt, null, null, null, now,
				recipient);
	}

	/** A row for a message that was tried once, inside the opening transaction, and failed. */
	UUID insertRetry(UUID actionId, String outputType, String channel, Instant dueAt, String error, Instant now) {
		return insert(actionId, outputType, channel, Purpose.REQUEST, null, "pending", 1, dueAt, error, null, null,
				now, null);
	}

	/** A row for a message delivered inside the opening transaction. */
	UUID insertDelivered(UUID actionId, String outputType, String channel, String messageId, Instant now) {
		return insert(actionId, outputType, channel, Purpose.REQUEST, null, "delivered", 1, now, null, messageId, now,
				now, null);
	}

	/** A row for a message that cannot be delivered at all (no channel). */
	UUID insertFailed(UUID actionId, String outputType, String channel, String error, Instant now) {
		return insert(actionId, outputType, channel, Purpose.REQUEST, null, "failed", 0, now, error, null, null, now,
				null);
	}

	private UUID insert(UUID actionId, String outputType, String channel, Purpose purpose, String reminder,
			String status, int attempts, Instant nextAttemptAt, String error, String messageId, Instant deliveredAt,
			Instant now, String recipient) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO action_dispatch (id, action_id, output_type, channel, purpose, reminder, status, attempts,
				    next_attempt_at, last_error, message_id, created_at, delivered_at, recipient)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, actionId, outputType, channel, name(purpose),
				reminder, status, attempts, timestamp(nextAttemptAt), truncate(error), messageId, timestamp(now),
				timestamp(deliveredAt), recipient);
		return id;
	}

	/** Claims one row for an attempt, if it is pending and due. */
	Optional<ClaimedDispatch> claim(UUID id, Instant now, Instant leaseUntil) {
		int claimed = this.jdbc.update("""
				UPDATE action_dispatch SET attempts = attempts + 1, next_attempt_at = ?
				WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?""", timestamp(leaseUntil), id,
				timestamp(now));
		if (claimed != 1) {
			return Optional.empty();
		}
		return this.jdbc.query("SELECT " + COLUMNS + " FROM action_dispatch WHERE id = ?", CLAIMED, id)
			.stream()
			.findFirst();
	}

	/**
	 * Claims up to {@code limit} due pending rows of one purpose for the given channels, oldest first. On PostgreSQL
	 * in one statement that skips rows another node is claiming; elsewhere row by row.
	 */
	List<ClaimedDispatch> claimDue(Purpose purpose, List<String> channels, int limit, Instant now, Instant leaseUntil) {
		if (channels.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("purpose", name(purpose))
			.addValue("channels", channels)
			.addValue("now", timestamp(now))
			.addValue("leaseUntil", timestamp(leaseUntil))
			.addValue("limit", limit);
		if (this.postgres) {
			return this.named.query("""
					UPDATE action_dispatch SET attempts = attempts + 1, next_attempt_at = :leaseUntil
					WHERE id IN (SELECT id FROM action_dispatch
					             WHERE status = 'pending' AND purpose = :purpose AND next_attempt_at <= :now
					               AND channel IN (:channels)
					             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
					RETURNING\s""" + COLUMNS, parameters, CLAIMED);
		}
		List<UUID> due = this.named.queryForList("""
				SELECT id FROM action_dispatch
				WHERE status = 'pending' AND purpose = :purpose AND next_attempt_at <= :now AND channel IN (:channels)
				ORDER BY next_attempt_at LIMIT :limit""", parameters, UUID.class);
		List<ClaimedDispatch> claimed = new ArrayList<>();
		for (UUID id : due) {
			claim(id, now, leaseUntil).ifPresent(claimed::add);
		}
		return claimed;
	}

	/**
	 * Up to {@code limit} pending requests for the given channels that were never tried and are due by
	 * {@code dueBy}, oldest first: those a node's busy workers could not take when their actions committed.
	 */
	List<UUID> untriedRequests(List<String> channels, Instant dueBy, int limit) {
		if (channels.isEmpty()) {
			return List.of();
		}
		return this.named.queryForList("""
				SELECT id FROM action_dispatch
				WHERE status = 'pending' AND purpose = 'request' AND next_attempt_at <= :dueBy AND attempts = 0
				  AND channel IN (:channels)
				ORDER BY next_attempt_at LIMIT :limit""",
				new MapSqlParameterSource().addValue("channels", channels)
					.addValue("dueBy", timestamp(dueBy))
					.addValue("limit", limit),
				UUID.class);
	}

	/** Where the request of an action on an output type is: delivered (with its message id), or still to go out. */
	RequestState request(UUID actionId, String outputType) {
		List<RequestState> rows = this.jdbc.query("""
				SELECT status, next_attempt_at, message_id, attempts, last_error FROM action_dispatch
				WHERE action_id = ? AND output_type = ? AND purpose = 'request' AND recipient IS NULL""",
				(rs, row) -> new RequestState("pending".equals(rs.getString("status")),
						instant(rs.getTimestamp("next_attempt_at")), rs.getString("message_id"),
						rs.getInt("attempts") > 0 && rs.getString("last_error") == null),
				actionId, outputType);
		return rows.stream()
			.filter((request) -> request.messageId() != null)
			.findFirst()
			.or(() -> rows.stream().filter(RequestState::pending).findFirst())
			.orElse(RequestState.NONE);
	}

	/** Gives a claimed row back without counting its attempt, due again at {@code dueAt}. */
	boolean postpone(ClaimedDispatch row, Instant dueAt) {
		return this.jdbc.update("""
				UPDATE action_dispatch SET attempts = attempts - 1, next_attempt_at = ?
				WHERE id = ? AND attempts = ? AND status = 'pending'""", timestamp(dueAt), row.id(),
				row.attempts()) == 1;
	}

	/** Records a delivery; also when the action closed meanwhile, since the message did go out. */
	boolean delivered(ClaimedDispatch row, String messageId, Instant now) {
		return this.jdbc.update("""
				UPDATE action_dispatch SET status = 'delivered', message_id = ?, delivered_at = ?, last_error = NULL
				WHERE id = ? AND attempts = ? AND status IN ('pending', 'skipped')""", messageId, timestamp(now),
				row.id(), row.attempts()) == 1;
	}

	/** @param sentMessageId the Message-ID of a part that went out, kept until the delivery records its own */
	boolean retryAt(ClaimedDispatch row, Instant nextAttemptAt, String error, String sentMessageId) {
		return this.jdbc.update("""
				UPDATE action_dispatch SET next_attempt_at = ?, last_error = ?, message_id = COALESCE(?, message_id)
				WHERE id = ? AND attempts = ? AND status = 'pending'""", timestamp(nextAttemptAt), truncate(error),
				sentMessageId, row.id(), row.attempts()) == 1;
	}

	/** @param sentMessageId the Message-ID of a part that went out, if some did */
	boolean failed(ClaimedDispatch row, String error, String sentMessageId) {
		return this.jdbc.update("""
				UPDATE action_dispatch SET status = 'failed', last_error = ?, message_id = COALESCE(?, message_id)
				WHERE id = ? AND attempts = ? AND status = 'pending'""", truncate(error), sentMessageId, row.id(),
				row.attempts()) == 1;
	}

	/** Gives up a claimed row without delivering it, because its action no longer waits for anyone. */
	boolean skipped(ClaimedDispatch row, String reason) {
		return this.jdbc.update("""
				UPDATE action_dispatch SET status = 'skipped', last_error = ?
				WHERE id = ? AND attempts = ? AND status = 'pending'""", truncate(reason), row.id(), row.attempts()) == 1;
	}

	/** Skips every row of an action that is still to deliver, because the action has closed. */
	int skipPending(UUID actionId, String reason) {
		return this.jdbc.update("UPDATE action_dispatch SET status = 'skipped', last_error = ? "
				+ "WHERE action_id = ? AND status = 'pending'", truncate(reason), actionId);
	}

	/** How many rows still to deliver name each channel that is not among the given ones. */
	Map<String, Integer> pendingForOtherChannels(List<String> channels) {
		Map<String, Integer> counts = new TreeMap<>();
		this.jdbc.query("SELECT channel, count(*) AS n FROM action_dispatch WHERE status = 'pending' GROUP BY channel",
				(rs) -> {
					String channel = rs.getString("channel");
					if (!channels.contains(channel)) {
						counts.put(String.valueOf(channel), rs.getInt("n"));
					}
				});
		return counts;
	}

	/** Rows due and still to deliver, the oldest due time among them, and the failed rows: one statement. */
	DispatchBacklog.Backlog backlog(Instant now) {
		Timestamp at = timestamp(now);
		return this.jdbc.queryForObject("""
				SELECT sum(CASE WHEN status = 'pending' AND next_attempt_at <= ? THEN 1 ELSE 0 END) AS due,
				       min(CASE WHEN status = 'pending' AND next_attempt_at <= ? THEN next_attempt_at END) AS oldest_due,
				       sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed
				FROM action_dispatch WHERE status IN ('pending', 'failed')""",
				(rs, row) -> new DispatchBacklog.Backlog(rs.getLong("due"), instant(rs.getTimestamp("oldest_due")),
						rs.getLong("failed")),
				at, at);
	}

	/** Rows of one status (all when null) or of one action (all when null), newest first. */
	List<DispatchView> list(String status, UUID actionId, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("status", status)
			.addValue("actionId", actionId)
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		String where = ((status != null) ? " AND status = :status" : "")
				+ ((actionId != null) ? " AND action_id = :actionId" : "");
		return this.named.query(VIEW + " WHERE 1 = 1" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset",
				parameters, DispatchRows::view);
	}

	/** One row, if it exists. */
	Optional<DispatchView> find(UUID id) {
		return this.jdbc.query(VIEW + " WHERE id = ?", DispatchRows::view, id).stream().findFirst();
	}

	/** Makes a failed row pending and due at once, its attempts kept; false when it is not failed (any more). */
	boolean retryFailed(UUID id, Instant now) {
		return this.jdbc.update("UPDATE action_dispatch SET status = 'pending', next_attempt_at = ? "
				+ "WHERE id = ? AND status = 'failed'", timestamp(now), id) == 1;
	}

	/**
	 * An action's request on one output type, as the outbox has it.
	 *
	 * @param pending whether it is still to go out
	 * @param nextAttemptAt when it is tried next, while it is pending
	 * @param messageId the message id its delivery recorded, if any
	 */
	/**
	 * @param firstAttempt whether its first attempt is under way: claimed, with no failure recorded, so that its
	 * next attempt is only the end of its lease
	 */
	record RequestState(boolean pending, Instant nextAttemptAt, String messageId, boolean firstAttempt) {

		/** No request row (it failed for good, was skipped, or the channel has none). */
		static final RequestState NONE = new RequestState(false, null, null, false);

	}

	private static ClaimedDispatch claimed(ResultSet rs, int row) throws SQLException {
		return new ClaimedDispatch(rs.getObject("id", UUID.class), rs.getObject("action_id", UUID.class),
				rs.getString("output_type"), rs.getString("channel"),
				Purpose.valueOf(rs.getString("purpose").toUpperCase(Locale.ROOT)), rs.getString("reminder"),
				rs.getInt("attempts"), rs.getString("recipient"));
	}

	private static DispatchView view(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		return new DispatchView(rs.getObject("id", UUID.class), rs.getObject("action_id", UUID.class),
				rs.getString("output_type"), rs.getString("channel"), rs.getString("purpose"), rs.getString("reminder"),
				status, rs.getInt("attempts"),
				"pending".equals(status) ? instant(rs.getTimestamp("next_attempt_at")) : null,
				rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("delivered_at")));
	}

	private static String name(Purpose purpose) {
		return purpose.name().toLowerCase(Locale.ROOT);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static String truncate(String text) {
		return (text != null && text.length() > MAX_ERROR) ? text.substring(0, MAX_ERROR) : text;
	}

}
