package dev.camundahil.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.camundahil.app.HilApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The standalone app, started on a real port against this test run's PostgreSQL database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = HilApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { HilApplication.CONFIG_NAME, "logging.level.dev.camundahil=DEBUG", PostgresTest.API_KEYS })
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
public @interface PostgresTest {

	/** The API key of the tests' calls ({@code X-API-Key: test-key}), named {@code tests}. */
	String API_KEYS = "hil.security.api-keys=tests:test-key";

}
