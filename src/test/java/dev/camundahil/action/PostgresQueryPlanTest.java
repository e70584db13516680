package dev.camundahil.action;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.camundahil.config.HilSchema;
import dev.camundahil.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a table of 100,000 actions, each of the schema document's three queries, in the SQL the repository sends,
 * is answered from an index.
 */
class PostgresQueryPlanTest {

	private static final String FIRST_PAGE = ActionRequestRepository.limit(PageRequest.of(0, 50));

	private static JdbcTemplate jdbc;

	private static UUID someId;

	@BeforeAll
	static void fillTable() {
		DataSource dataSource = PostgresTestDatabase.dataSource(PostgresTestDatabase.create("hil_plans"));
		new HilSchema(dataSource, "hil_flyway_schema_history").up();
		jdbc = new JdbcTemplate(dataSource);
		// 100,000 actions over 200 flows; one in fifty still pending, as in a system that has run for a while.
		jdbc.update("""
				INSERT INTO action_request (id, flow_id, session_id, node_id, status, output_types, context, expires_at,
				                            created_at, updated_at)
				SELECT gen_random_uuid(), 'flow-' || (i % 200), 'session-' || (i % 20000), 'node-' || (i % 50),
				       CASE WHEN i % 50 = 0 THEN 'pending' ELSE 'completed' END,
				       CASE i % 3 WHEN 0 THEN ARRAY['chat'] WHEN 1 THEN ARRAY['email'] ELSE ARRAY['chat', 'custom'] END,
				       jsonb_build_object('question', 'Question ' || i, 'metadata', '{}'::jsonb),
				       now() + interval '1 day', now() - (i || ' seconds')::interval, now()
				FROM generate_series(1, 100000) AS i
				""");
		jdbc.execute("ANALYZE action_request");
		someId = jdbc.queryForObject("SELECT id FROM action_request LIMIT 1", UUID.class);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM action_request", Long.class)).isEqualTo(100_000L);
	}

	@Test
	void pendingActionsOfAFlowComeFromTheFlowStatusIndex() {
		String plan = explain(ActionRequestRepository.PENDING_BY_FLOW + FIRST_PAGE, "flow-100");
		assertThat(plan).contains("IDX_ACTION_FLOW_STATUS").doesNotContain("Seq Scan");
	}

	@Test
	void pendingActionsByOutputTypeComeFromAnIndex() {
		String plan = explain(ActionRequestRepository.pendingByOutputType(ActionRequestRepository.HAS_OUTPUT_TYPE_POSTGRES)
				+ FIRST_PAGE, "custom");
		assertThat(plan).containsPattern("IDX_ACTION_PENDING_CREATED|IDX_ACTION_OUTPUT_TYPES").doesNotContain("Seq Scan");
	}

	@Test
	void oneActionByIdComesFromThePrimaryKey() {
		String plan = explain(ActionRequestRepository.BY_ID, someId);
		assertThat(plan).contains("action_request_pkey").doesNotContain("Seq Scan");
	}

	@Test
	void theExpirySweepComesFromThePendingExpiryIndex() {
		String plan = explain("SELECT id FROM action_request WHERE status = 'pending' AND deleted_at IS NULL "
				+ "AND expires_at IS NOT NULL AND expires_at < now() + interval '2 days' ORDER BY expires_at LIMIT 100");
		assertThat(plan).contains("IDX_ACTION_PENDING_EXPIRY").doesNotContain("Seq Scan");
	}

	private static String explain(String sql, Object... args) {
		List<Map<String, Object>> rows = jdbc.queryForList("EXPLAIN " + sql, args);
		StringBuilder plan = new StringBuilder();
		rows.forEach((row) -> plan.append(row.values().iterator().next()).append('\n'));
		return plan.toString();
	}

}
