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

/**
 * The standalone app on an in-memory H2 database of its own, as the embedded default runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = HilApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { HilApplication.CONFIG_NAME, "spring.datasource.url=jdbc:h2:mem:hil-test;DB_CLOSE_DELAY=-1",
				PostgresTest.API_KEYS })
public @interface H2Test {

}
