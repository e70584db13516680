package dev.camundahil.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

import dev.camundahil.app.HilApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The standalone app on an in-memory H2 database of its own, as the embedded default runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = HilApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { HilApplication.CONFIG_NAME, PostgresTest.API_KEYS })
@ContextConfiguration(initializers = H2Test.OwnDatabase.class)
public @interface H2Test {

	/**
	 * A database and a Quartz cluster per context: contexts cached side by side in one run would otherwise share
	 * both, and one context's scheduler would run the recurring work with its own settings on the others' rows.
	 */
	class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String name = "hil-test-" + UUID.randomUUID();
			TestPropertyValues.of("spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1").applyTo(context);
			if (!context.getEnvironment().containsProperty(PostgresTestDatabase.SCHEDULER_NAME)) {
				TestPropertyValues.of(PostgresTestDatabase.SCHEDULER_NAME + "=" + name).applyTo(context);
			}
		}

	}

}
