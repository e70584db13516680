package dev.camundahil.schema;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.camundahil.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations, up, down and up again, on fresh PostgreSQL and H2 databases.
 */
class HilSchemaTest {

	private static final List<String> ACTION_REQUEST_COLUMNS = List.of("id", "flow_id", "session_id", "node_id",
			"status", "output_types", "context", "args", "response", "created_at", "updated_at", "deleted_at",
			"expires_at", "process_instance_id", "execution_id", "version");

	@Test
	void postgresGoesUpDownAndUpAgain() {
		DataSource dataSource = PostgresTestDatabase.dataSource(PostgresTestDatabase.create("hil_schema"));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		HilSchema schema = new HilSchema(dataSource, "hil_flyway_schema_history");

		schema.up();
		assertThat(tables(jdbc)).contains("action_request", "action_webhook", "action_audit", "qrtz_triggers");
		assertThat(columns(jdbc, "action_request")).containsAll(ACTION_REQUEST_COLUMNS);
		assertThat(columns(jdbc, "action_webhook")).contains("id", "url", "events", "secret", "active",
				"created_at", "updated_at");
		assertThat(columns(jdbc, "action_audit")).contains("id", "action_id", "event", "data", "user_id",
				"timestamp");
		assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'action_request'",
				String.class))
			.contains("IDX_ACTION_FLOW_STATUS", "IDX_ACTION_SESSION_STATUS", "IDX_ACTION_NODE_STATUS",
					"IDX_ACTION_OUTPUT_TYPES", "IDX_ACTION_PENDING_EXPIRY", "IDX_ACTION_PENDING_CREATED");
		assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
				+ "WHERE table_name = 'action_request' AND column_name = 'output_types'", String.class))
			.isEqualTo("ARRAY");
		assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
				+ "WHERE table_name = 'action_request' AND column_name = 'context'", String.class))
			.isEqualTo("jsonb");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM hil_flyway_schema_history", Integer.class))
			.isPositive();

		schema.down();
		assertThat(tables(jdbc)).doesNotContain("action_request", "action_webhook", "action_audit",
				"hil_flyway_schema_history");

		schema.up();
		assertThat(tables(jdbc)).contains("action_request", "action_webhook", "action_audit");
		insertAction(jdbc, "pending");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM action_request", Integer.class)).isEqualTo(1);
	}

	@Test
	void h2GoesUpDownAndUpAgain() {
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:schema-test;DB_CLOSE_DELAY=-1", "sa", "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		HilSchema schema = new HilSchema(dataSource, "hil_flyway_schema_history");

		schema.up();
		assertThat(tables(jdbc)).contains("action_request", "action_webhook", "action_audit", "qrtz_triggers");
		assertThat(columns(jdbc, "action_request")).containsAll(ACTION_REQUEST_COLUMNS);

		schema.down();
		assertThat(tables(jdbc)).doesNotContain("action_request", "action_webhook", "action_audit");

		schema.up();
		insertAction(jdbc, "pending");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM action_request", Integer.class)).isEqualTo(1);
	}

	@Test
	void statusOutsideTheFourStatesIsRefusedByTheDatabase() {
		DataSource dataSource = PostgresTestDatabase.dataSource(PostgresTestDatabase.create("hil_status"));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		new HilSchema(dataSource, "hil_flyway_schema_history").up();

		assertThatThrownBy(() -> insertAction(jdbc, "done")).hasMessageContaining("ck_action_request_status");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM action_request", Integer.class)).isZero();
	}

	private static void insertAction(JdbcTemplate jdbc, String status) {
		boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
			.contains("PostgreSQL");
		String types = postgres ? "ARRAY['chat']" : "ARRAY['chat']";
		String json = postgres ? "'{\"question\":\"q\"}'::jsonb" : "'{\"question\":\"q\"}' FORMAT JSON";
		jdbc.update("INSERT INTO action_request (id, flow_id, session_id, node_id, status, output_types, context) "
				+ "VALUES (?, 'flow', 'session', 'node', ?, " + types + ", " + json + ")", java.util.UUID.randomUUID(),
				status);
	}

	private static Set<String> tables(JdbcTemplate jdbc) {
		return new TreeSet<>(jdbc.queryForList(
				"SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) IN ('public')",
				String.class));
	}

	private static List<String> columns(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("SELECT lower(column_name) FROM information_schema.columns WHERE lower(table_name) = ?",
				String.class, table);
	}

}
