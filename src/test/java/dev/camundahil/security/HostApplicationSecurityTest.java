package dev.camundahil.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in someone else's application that keeps Spring Boot's default security: the HIL chain decides the
 * HIL paths, and the application's own endpoints stay behind the application's login, untouched.
 */
@SpringBootTest(classes = HostApplicationSecurityTest.HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hil-host;DB_CLOSE_DELAY=-1",
				"hil.security.api-keys=host-app:host-key-0123456789", "spring.security.user.name=host-user",
				"spring.security.user.password=host-pass", "spring.flyway.enabled=false" })
class HostApplicationSecurityTest {

	static final String KEY = "host-key-0123456789";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void theApplicationsOwnEndpointsKeepTheApplicationsLogin() throws Exception {
		HttpResponse<String> anonymous = get("/hello", Map.of());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Basic"));
		assertThat(get("/hello", Map.of("X-API-Key", KEY)).statusCode()).as("an API key opens HIL paths only")
			.isEqualTo(401);

		HttpResponse<String> user = get("/hello", Map.of("Authorization", basic("host-user", "host-pass")));
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).isEqualTo("hello");
	}

	@Test
	void theHilApiTakesItsKeysAndNothingElse() throws Exception {
		HttpResponse<String> anonymous = get("/api/v1/actions", Map.of());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(ApiKeyProblems.CHALLENGE);
		assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(get("/api/v1/actions", Map.of("Authorization", basic("host-user", "host-pass"))).statusCode())
			.as("the application's users are not API callers")
			.isEqualTo(401);

		HttpResponse<String> withKey = get("/api/v1/actions", Map.of("X-API-Key", KEY));
		assertThat(withKey.statusCode()).isEqualTo(200);
		assertThat(withKey.body()).contains("\"items\"");
	}

	@Test
	void publicPagesAreLeftToTheirOwnTokens() throws Exception {
		// past the security chain without a key: the chat page itself refuses a request without its token
		HttpResponse<String> chat = get("/chat/some-session", Map.of());
		assertThat(chat.statusCode()).isEqualTo(403);
		assertThat(chat.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(get("/hil/nothing-here", Map.of()).statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/nothing-here", Map.of("X-API-Key", KEY)).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class HostApplication {

	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
