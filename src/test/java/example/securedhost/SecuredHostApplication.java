package example.securedhost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Camunda Spring Boot application with Spring Security of its own, with the plugin added as one dependency:
 * every path needs one of its users, over HTTP Basic.
 */
@SpringBootApplication
public class SecuredHostApplication {

	public static final String USER = "clerk";

	public static final String PASSWORD = "clerk-password";

	public static void main(String[] args) {
		SpringApplication.run(SecuredHostApplication.class, args);
	}

	@Bean
	SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	UserDetailsService hostUsers() {
		return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("CLERK").build());
	}

	@RestController
	static class GreetingController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
