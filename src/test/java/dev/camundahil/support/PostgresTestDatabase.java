package dev.camundahil.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL server for tests. Each test run (JVM) gets a database of its own, created on first use and
 * dropped at exit, so runs never see each other's rows. The server is found through {@code HIL_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code HIL_TEST_PG_USER} (default
 * {@code postgres}) and {@code HIL_TEST_PG_PASSWORD} (default empty).
 */
public final class PostgresTestDatabase {

	private static final String ADMIN_URL = env("HIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("HIL_TEST_PG_USER", "postgres");

	private static final String PASSWORD = env("HIL_TEST_PG_PASSWORD", "");

	private static volatile String runDatabaseUrl;

	private PostgresTestDatabase() {
	}

	/** The JDBC URL of this test run's database. */
	public static synchronized String url() {
		if (runDatabaseUrl == null) {
			runDatabaseUrl = create("hil_test_run");
		}
		return runDatabaseUrl;
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}

	/** A new, empty database of its own, dropped at exit; for tests that need a database nobody else touches. */
	public static String create(String prefix) {
		String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000));
		execute("CREATE DATABASE " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
		int slash = ADMIN_URL.lastIndexOf('/');
		int query = ADMIN_URL.indexOf('?', slash);
		return ADMIN_URL.substring(0, slash + 1) + name + ((query >= 0) ? ADMIN_URL.substring(query) : "");
	}

	public static DataSource dataSource(String url) {
		return new DriverManagerDataSource(url, USER, PASSWORD);
	}

	private static void dropQuietly(String name) {
		try {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (RuntimeException ex) {
			// the server went away first; its data directory is the test machine's to clean
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

	/** Points a Spring test context at this run's PostgreSQL database. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("spring.datasource.url=" + url(), "spring.datasource.username=" + USER,
						"spring.datasource.password=" + PASSWORD,
						"spring.quartz.properties.org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjobstore.PostgreSQLDelegate")
				.applyTo(context);
		}

	}

}
