package dev.camundahil.channel.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.camundahil.schema.HilSchema;
import dev.camundahil.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record of the copies that went out, on PostgreSQL and H2: by dispatch row, addresses in any case found as
 * one, a copy recorded twice kept once, and only for dispatch rows that exist.
 */
class EmailCopiesTest {

	@Test
	void onPostgres() {
		recordsCopiesPerDispatchRow(PostgresTestDatabase.dataSource(PostgresTestDatabase.create("hil_email_copies")));
	}

	@Test
	void onH2() {
		recordsCopiesPerDispatchRow(
				new DriverManagerDataSource("jdbc:h2:mem:email-copies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"sa", ""));
	}

	private static void recordsCopiesPerDispatchRow(DataSource dataSource) {
		new HilSchema(dataSource, "hil_flyway_schema_history").up();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		UUID dispatch = dispatchRow(jdbc);
		UUID other = dispatchRow(jdbc);
		EmailCopies copies = new EmailCopies(jdbc);
		Instant now = Instant.now();

		copies.record(dispatch, "Ann@Example.com", "<one@hil>", now);
		copies.record(dispatch, "bob@example.com", "<one@hil>", now.plusMillis(1));
		copies.record(dispatch, "ann@example.com", "<one@hil>", now.plusMillis(2));
		copies.record(other, "ann@example.com", "<two@hil>", now);

		assertThat(copies.sent(dispatch)).containsExactly(Map.entry("ann@example.com", "<one@hil>"),
				Map.entry("bob@example.com", "<one@hil>"));
		assertThat(copies.sent(other)).containsOnlyKeys("ann@example.com").containsValue("<two@hil>");
		assertThat(copies.sent(UUID.randomUUID())).isEmpty();
		assertThatThrownBy(() -> copies.record(UUID.randomUUID(), "ann@example.com", "<three@hil>", now))
			.as("a copy of a dispatch row that does not exist")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private static UUID dispatchRow(JdbcTemplate jdbc) {
		boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
			.contains("PostgreSQL");
		UUID action = UUID.randomUUID();
		String json = postgres ? "'{\"question\":\"q\"}'::jsonb" : "'{\"question\":\"q\"}' FORMAT JSON";
		jdbc.update("INSERT INTO action_request (id, flow_id, session_id, node_id, status, output_types, context) "
				+ "VALUES (?, 'flow', 'session', 'node', 'pending', ARRAY['email'], " + json + ")", action);
		UUID dispatch = UUID.randomUUID();
		jdbc.update("INSERT INTO action_dispatch (id, action_id, output_type, channel, purpose, next_attempt_at) "
				+ "VALUES (?, ?, 'email', 'email', 'request', ?)", dispatch, action, Timestamp.from(Instant.now()));
		return dispatch;
	}

}
