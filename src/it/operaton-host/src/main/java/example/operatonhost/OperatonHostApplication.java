package example.operatonhost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An Operaton Spring Boot application: Operaton's REST API and webapps, an H2 database, its own process in
 * {@code processes/}, and the plugin.
 */
@SpringBootApplication
public class OperatonHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(OperatonHostApplication.class, args);
	}

}
