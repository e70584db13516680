package dev.camundahil.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The standalone camunda-hil app: Camunda 7 with its REST API and webapps, the HIL plugin, and the example
 * processes. Its settings are in {@code hil-app.yml}, so that the plugin jar never brings an
 * {@code application.yml} into a host application; a {@code hil-app.yml} in the working directory overrides them.
 * It has no Spring Security users of its own (Camunda and the API keys authenticate), so Spring Boot's generated
 * user and its logged password are left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class HilApplication {

	public static final String CONFIG_NAME = "spring.config.name=hil-app";

	public static void main(String[] args) {
		new SpringApplicationBuilder(HilApplication.class).properties(CONFIG_NAME).run(args);
	}

}
