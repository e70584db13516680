package dev.camundahil.action;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.camundahil.schema.HilDatabase;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@code action_request} table. Reads never see soft-deleted rows; the first three methods are
 * the schema document's query examples. Writes belong to {@link ActionService}: an insert, and {@link #update}, the
 * one statement every transition goes through.
 */
class ActionRequestRepository {

	static final String COLUMNS = "id, flow_id, session_id, node_id, status, output_types, context, args, response, "
			+ "process_instance_id, execution_id, expires_at, version, created_at, updated_at, deleted_at, "
			+ "response_comment, locale, time_zone, activity_instance_id";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM action_request WHERE deleted_at IS NULL";

	static final String COUNT = "SELECT count(*) FROM action_request WHERE deleted_at IS NULL";

	static final String PENDING_BY_FLOW = SELECT + " AND flow_id = ? AND status = 'pending' ORDER BY created_at DESC";

	static final String BY_ID = SELECT + " AND id = ?";

	private final String pendingByOutputType;

	// the spelling of ":type = ANY(output_types)" that the GIN index serves
	static final String HAS_OUTPUT_TYPE_POSTGRES = "output_types @> ARRAY[?]::text[]";

	private final JdbcTemplate jdbc;

	private final JsonColumns json;

	private final String hasOutputType;

	private final String insert;

	private final String update;

	private final RowMapper<ActionRequest> rows = this::action;

	ActionRequestRepository(JdbcTemplate jdbc, HilDatabase database) {
		boolean postgres = database.isPostgres();
		this.jdbc = jdbc;
		this.json = JsonColumns.forDatabase(postgres);
		this.hasOutputType = postgres ? HAS_OUTPUT_TYPE_POSTGRES : "array_contains(output_types, ?)";
		this.pendingByOutputType = pendingByOutputType(this.hasOutputType);
		String parameter = json.parameter();
		this.insert = "INSERT INTO action_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, " + parameter + ", "
				+ parameter + ", " + parameter + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		this.update = "UPDATE action_request SET status = ?, response = " + parameter
				+ ", response_comment = ?, args = " + parameter
				+ ", expires_at = ?, updated_at = ?, deleted_at = ?, version = version + 1 "
				+ "WHERE id = ? AND version = ? AND deleted_at IS NULL";
	}

	/** Query 1: pending actions of a flow, newest first. */
	List<ActionRequest> findPendingByFlowId(String flowId, Pageable page) {
		return this.jdbc.query(PENDING_BY_FLOW + limit(page), this.rows, flowId);
	}

	/** Query 2: pending actions that go out on an output type, newest first. */
	List<ActionRequest> findPendingByOutputType(String outputType, Pageable page) {
		return this.jdbc.query(this.pendingByOutputType + limit(page), this.rows, outputType);
	}

	/** Query 3: one action by id. */
	Optional<ActionRequest> findById(UUID id) {
		return this.jdbc.query(BY_ID, this.rows, id).stream().findFirst();
	}

	/** The actions of these ids that exist, in no particular order. */
	List<ActionRequest> findAllById(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
		return this.jdbc.query(SELECT + " AND id IN (" + placeholders + ")", this.rows, ids.toArray());
	}

	List<ActionRequest> findByExecutionIdAndStatus(String executionId, ActionStatus status) {
		return this.jdbc.query(SELECT + " AND execution_id = ? AND status = ? ORDER BY created_at", this.rows,
				executionId, status.value());
	}

	List<ActionRequest> findBySessionIdAndStatusOrderByCreatedAtDesc(String sessionId, ActionStatus status) {
		return this.jdbc.query(SELECT + " AND session_id = ? AND status = ? ORDER BY created_at DESC", this.rows,
				sessionId, status.value());
	}

	List<ActionRequest> findPendingByActivityInstanceId(String activityInstanceId) {
		return this.jdbc.query(SELECT + " AND activity_instance_id = ? AND status = 'pending' ORDER BY created_at",
				this.rows, activityInstanceId);
	}

	/**
	 * Points an action at the execution its task waits in now. Not a transition: the version stays, so that an answer
	 * racing it is not refused for it.
	 */
	void moveToExecution(UUID id, String executionId) {
		this.jdbc.update("UPDATE action_request SET execution_id = ? WHERE id = ?", executionId, id);
	}

	/** The actions a process instance opened, oldest first. */
	List<ActionRequest> findByProcessInstanceId(String processInstanceId) {
		return this.jdbc.query(SELECT + " AND process_instance_id = ? ORDER BY created_at", this.rows,
				processInstanceId);
	}

	/** Per flow, how many actions are pending and when the oldest of them was created: one statement for all. */
	List<PendingFlow> pendingByFlow() {
		return this.jdbc.query("SELECT flow_id, count(*) AS pending, min(created_at) AS oldest FROM action_request "
				+ "WHERE deleted_at IS NULL AND status = 'pending' GROUP BY flow_id",
				(rs, row) -> new PendingFlow(rs.getString("flow_id"), rs.getLong("pending"), instant(rs, "oldest")));
	}

	/** Pending actions of process instances created before {@code createdBefore}, by id after {@code after}. */
	List<ActionRequest> findPendingOfProcesses(Instant createdBefore, UUID after, int limit) {
		if (after == null) {
			return this.jdbc.query(SELECT + " AND status = 'pending' AND execution_id IS NOT NULL AND created_at < ? "
					+ "ORDER BY id LIMIT ?", this.rows, createdBefore.atOffset(ZoneOffset.UTC), limit);
		}
		return this.jdbc.query(SELECT + " AND status = 'pending' AND execution_id IS NOT NULL AND created_at < ? "
				+ "AND id > ? ORDER BY id LIMIT ?", this.rows, createdBefore.atOffset(ZoneOffset.UTC), after, limit);
	}

	/** Which of these executions wait on a pending action. */
	List<String> executionsWithPendingAction(Collection<String> executionIds) {
		if (executionIds.isEmpty()) {
			return List.of();
		}
		String placeholders = String.join(", ", Collections.nCopies(executionIds.size(), "?"));
		return this.jdbc.queryForList("SELECT DISTINCT execution_id FROM action_request WHERE deleted_at IS NULL "
				+ "AND status = 'pending' AND execution_id IN (" + placeholders + ")", String.class,
				executionIds.toArray());
	}

	/** How many actions there are, soft-deleted ones left out. */
	long count() {
		return this.jdbc.queryForObject(COUNT, Long.class);
	}

	/** The JSON columns as this table's statements spell them, for the other action tables. */
	JsonColumns jsonColumns() {
		return this.json;
	}

	Page<ActionRequest> list(ActionQuery query, Pageable page) {
		return new ActionListQuery(query, this.hasOutputType).run(this.jdbc, SELECT, this.rows, page);
	}

	void insert(ActionRequest action) {
		this.jdbc.update(this.insert, (ps) -> {
			ps.setObject(1, action.getId());
			ps.setString(2, action.getFlowId());
			ps.setString(3, action.getSessionId());
			ps.setString(4, action.getNodeId());
			ps.setString(5, action.getStatus().value());
			ps.setObject(6, action.getOutputTypes().toArray(String[]::new));
			ps.setString(7, this.json.write(action.getContext()));
			ps.setString(8, this.json.write(action.getArgs()));
			ps.setString(9, this.json.write(action.getResponse()));
			ps.setString(10, action.getProcessInstanceId());
			ps.setString(11, action.getExecutionId());
			setInstant(ps, 12, action.getExpiresAt());
			ps.setLong(13, action.getVersion());
			setInstant(ps, 14, action.getCreatedAt());
			setInstant(ps, 15, action.getUpdatedAt());
			setInstant(ps, 16, action.getDeletedAt());
			ps.setString(17, action.getComment());
			ps.setString(18, action.getLocale());
			ps.setString(19, action.getTimeZone());
			ps.setString(20, action.getActivityInstanceId());
		});
	}

	/** Locks an action's row until the transaction ends, so that a second answer to it waits for the first. */
	void lock(UUID id) {
		this.jdbc.queryForList("SELECT id FROM action_request WHERE id = ? FOR UPDATE", UUID.class, id);
	}

	/**
	 * Writes a transition if the row is still at the version the action was read at: of two racing transitions, the
	 * second waits for the first and then finds the version moved on.
	 * @return whether this transition won
	 */
	boolean update(ActionRequest action) {
		int updated = this.jdbc.update(this.update, (ps) -> setUpdate(ps, action));
		if (updated == 1) {
			action.written();
		}
		return updated == 1;
	}

	/**
	 * Writes the transitions of many actions in one round trip, each guarded by its version like {@link #update}.
	 * @return the actions whose transition lost a race, none when all of them were written
	 */
	List<ActionRequest> updateAll(List<ActionRequest> actions) {
		int[][] counts = this.jdbc.batchUpdate(this.update, actions, actions.size(), this::setUpdate);
		List<ActionRequest> lost = new ArrayList<>();
		int i = 0;
		for (int[] chunk : counts) {
			for (int updated : chunk) {
				ActionRequest action = actions.get(i++);
				if (updated == 1) {
					action.written();
				}
				else {
					lost.add(action);
				}
			}
		}
		return lost;
	}

	private void setUpdate(PreparedStatement ps, ActionRequest action) throws SQLException {
		ps.setString(1, action.getStatus().value());
		ps.setString(2, this.json.write(action.getResponse()));
		ps.setString(3, action.getComment());
		ps.setString(4, this.json.write(action.getArgs()));
		setInstant(ps, 5, action.getExpiresAt());
		setInstant(ps, 6, action.getUpdatedAt());
		setInstant(ps, 7, action.getDeletedAt());
		ps.setObject(8, action.getId());
		ps.setLong(9, action.getVersion());
	}

	static String pendingByOutputType(String hasOutputType) {
		return SELECT + " AND " + hasOutputType + " AND status = 'pending' ORDER BY created_at DESC";
	}

	static String limit(Pageable page) {
		return page.isPaged() ? " LIMIT " + page.getPageSize() + " OFFSET " + page.getOffset() : "";
	}

	private ActionRequest action(ResultSet rs, int row) throws SQLException {
		return new ActionRequest(rs.getObject("id", UUID.class), rs.getString("flow_id"), rs.getString("session_id"),
				rs.getString("node_id"), ActionStatus.of(rs.getString("status")), texts(rs.getArray("output_types")),
				this.json.read(rs.getString("context"), ActionContext.class), this.json.readMap(rs.getString("args")),
				this.json.read(rs.getString("response"), ActionResponse.class), rs.getString("process_instance_id"),
				rs.getString("execution_id"), instant(rs, "expires_at"), rs.getLong("version"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deleted_at"),
				rs.getString("response_comment"), rs.getString("locale"), rs.getString("time_zone"),
				rs.getString("activity_instance_id"));
	}

	private static List<String> texts(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
		if (instant != null) {
			ps.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
	}

}
