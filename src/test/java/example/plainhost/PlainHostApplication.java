package example.plainhost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Camunda Spring Boot application as many are written, with the plugin added as one dependency: Camunda's REST
 * API, Spring MVC, JDBC, Flyway migrations of its own, and no Spring Security.
 */
@SpringBootApplication
public class PlainHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainHostApplication.class, args);
	}

	@RestController
	static class GreetingController {

		private final JdbcTemplate jdbc;

		GreetingController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		/** Read from the table of the application's own migration. */
		@GetMapping("/hello")
		String hello() {
			return this.jdbc.queryForObject("SELECT text FROM greeting", String.class);
		}

	}

}
