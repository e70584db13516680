package dev.camundahil.support;

import java.util.ArrayList;
import java.util.List;

import dev.camundahil.app.HilApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone app once more, as a second node on the PostgreSQL database of a {@link PostgresTest} context, on a
 * port of its own.
 */
public final class SecondNode {

	private SecondNode() {
	}

	/**
	 * Starts the second node; {@code settings} ({@code name=value}) go in as command-line arguments, which win over
	 * hil-app.yml (default properties would not).
	 */
	public static ConfigurableApplicationContext start(String databaseUrl, String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--" + PostgresTest.API_KEYS,
				"--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=" + PostgresTestDatabase.user(),
				"--spring.datasource.password=" + PostgresTestDatabase.password(),
				"--spring.quartz.properties.org.quartz.jobStore.driverDelegateClass="
						+ "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
				// its own name in Camunda's JVM-wide engine registry, so that closing it leaves the first node's
				"--camunda.bpm.process-engine-name=secondNode"));
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(HilApplication.class).properties(HilApplication.CONFIG_NAME)
			.run(args.toArray(String[]::new));
	}

}
