package dev.camundahil.support;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.camundahil.schema.HilSchema;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL database of its own whose action tables hold 100,000 actions over 200 flows, one in fifty still
 * pending, each with its {@code created} audit entry, as in a system that has run for a while; and the plans
 * PostgreSQL makes for statements on them.
 */
public final class FilledActionTables {

	public static final int ACTIONS = 100_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private FilledActionTables(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public static FilledActionTables create(String name) {
		FilledActionTables tables = new FilledActionTables(
				PostgresTestDatabase.dataSource(PostgresTestDatabase.create(name)));
		new HilSchema(tables.dataSource, "hil_flyway_schema_history").up();
		tables.jdbc.update("""
				INSERT INTO action_request (id, flow_id, session_id, node_id, status, output_types, context, expires_at,
				                            created_at, updated_at)
				SELECT gen_random_uuid(), 'flow-' || (i % 200), 'session-' || (i % 20000), 'node-' || (i % 50),
				       CASE WHEN i % 50 = 0 THEN 'pending' ELSE 'completed' END,
				       CASE i % 3 WHEN 0 THEN ARRAY['chat'] WHEN 1 THEN ARRAY['email'] ELSE ARRAY['chat', 'custom'] END,
				       jsonb_build_object('question', 'Question ' || i, 'metadata', '{}'::jsonb),
				       now() + interval '1 day', now() - (i || ' seconds')::interval, now()
				FROM generate_series(1, ?) AS i
				""", ACTIONS);
		tables.jdbc.update("""
				INSERT INTO action_audit (id, action_id, event, data, timestamp)
				SELECT gen_random_uuid(), id, 'created', '{}'::jsonb, created_at FROM action_request
				""");
		tables.jdbc.execute("ANALYZE action_request");
		tables.jdbc.execute("ANALYZE action_audit");
		assertThat(tables.jdbc.queryForObject("SELECT count(*) FROM action_request", Long.class)).isEqualTo(ACTIONS);
		return tables;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/** The plan PostgreSQL makes for a statement with these parameters, one line of it per line. */
	public String explain(String sql, Object... args) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("EXPLAIN " + sql, args);
		StringBuilder plan = new StringBuilder();
		rows.forEach((row) -> plan.append(row.values().iterator().next()).append('\n'));
		return plan.toString();
	}

}
