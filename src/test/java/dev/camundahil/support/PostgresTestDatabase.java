package dev.camundahil.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL server for tests. Each application context gets a database of its own, left for a later run
 * to drop, so runs and contexts never see each other's rows. The server is found through {@code HIL_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code HIL_TEST_PG_USER} (default
 * {@code postgres}) and {@code HIL_TEST_PG_PASSWORD} (default empty).
 */
public final class PostgresTestDatabase {

	private static final String ADMIN_URL = env("HIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("HIL_TEST_PG_USER", "postgres");

	private static final String PASSWORD = env("HIL_TEST_PG_PASSWORD", "");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private static boolean oldDatabasesDropped;

	private PostgresTestDatabase() {
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}

	/** A new, empty database of its own; for tests that need a database nobody else touches. */
	public static String create(String prefix) {
		String name = prefix + "_" + LocalDateTime.now().format(STAMP) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));
		dropOldDatabasesOnce();
		execute("CREATE DATABASE " + name);
		int slash = ADMIN_URL.lastIndexOf('/');
		int query = ADMIN_URL.indexOf('?', slash);
		return ADMIN_URL.substring(0, slash + 1) + name + ((query >= 0) ? ADMIN_URL.substring(query) : "");
	}

	public static DataSource dataSource(String url) {
		return new DriverManagerDataSource(url, USER, PASSWORD);
	}

	/**
	 * Drops test databases of earlier runs. A run's own database is not dropped at its exit, where it would race
	 * the application contexts still shutting down; runs younger than a few hours may still be going on.
	 */
	private static synchronized void dropOldDatabasesOnce() {
		if (oldDatabasesDropped) {
			return;
		}
		oldDatabasesDropped = true;
		String cutoff = LocalDateTime.now().minusHours(3).format(STAMP);
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet names = statement.executeQuery(
						"SELECT datname FROM pg_database WHERE datname ~ '^hil_[a-z_]+_[0-9]{14}_[0-9a-f]+$'")) {
			List<String> old = new ArrayList<>();
			while (names.next()) {
				String name = names.getString(1);
				String stamp = name.replaceAll("^.*_([0-9]{14})_[0-9a-f]+$", "$1");
				if (stamp.compareTo(cutoff) < 0) {
					old.add(name);
				}
			}
			for (String name : old) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			// leftovers cost disk space only; the next run tries again
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("""
					PostgreSQL is needed for this test and is not reachable at %s as user '%s' (%s).
					Start it (for example: pg_ctlcluster --skip-systemctl-redirect 15 main start) or point
					HIL_TEST_PG_URL / HIL_TEST_PG_USER / HIL_TEST_PG_PASSWORD at a server you can use."""
				.formatted(ADMIN_URL, USER, ex.getMessage()), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** Contexts that set it themselves (two nodes of one cluster) keep theirs. */
	static final String SCHEDULER_NAME = "spring.quartz.scheduler-name";

	/** Points a Spring test context at a PostgreSQL database of its own. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			// a database per context: cached contexts stay alive side by side, and their sweeps, with settings of their
			// own, must never take each other's rows
			TestPropertyValues
				.of("spring.datasource.url=" + create("hil_test_ctx"), "spring.datasource.username=" + USER,
						"spring.datasource.password=" + PASSWORD,
						"spring.quartz.properties.org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
						// cached contexts wait idle most of a run: they give their connections back to the server
						"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000")
				.applyTo(context);
			if (!context.getEnvironment().containsProperty(SCHEDULER_NAME)) {
				// Each test context is a Quartz cluster of its own: contexts cached side by side in one run share the
				// database, and must not run each other's jobs with their own settings.
				TestPropertyValues.of(SCHEDULER_NAME + "=hil-test-" + UUID.randomUUID()).applyTo(context);
			}
		}

	}

}
