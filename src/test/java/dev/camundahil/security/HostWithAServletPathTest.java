package dev.camundahil.security;

import java.net.http.HttpResponse;
import java.util.EnumSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import example.plainhost.PlainHostApplication;
import example.securedhost.SecuredHostApplication;

import dev.camundahil.support.HostApplication;
import dev.camundahil.support.HostApplication.OptionalPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in applications whose Spring MVC runs under a servlet path of its own ({@code spring.mvc.servlet.path}):
 * the HIL API moves with it and still takes its API keys and nothing else, the public pages stay left to their
 * tokens, and every other path keeps the application's rules, with Spring Security and without.
 */
class HostWithAServletPathTest {

	static final String KEY = "servlet-path-key-0123456789";

	static final String SERVLET_PATH = "--spring.mvc.servlet.path=/mvc";

	static final String KEYS = "--hil.security.api-keys=host-app:" + KEY;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void withoutSpringSecurityTheApiUnderTheServletPathStillNeedsAKey() throws Exception {
		try (HostApplication host = HostApplication.start(PlainHostApplication.class, EnumSet.allOf(OptionalPart.class),
				"--spring.flyway.locations=classpath:example/plainhost/db", SERVLET_PATH, KEYS)) {
			assertTakesItsKeysOnly(host, "Basic ZGVtbzpkZW1v");
			assertThat(host.get("/mvc/hello").body()).as("the application as open as it was")
				.isEqualTo("hello from the host");
			assertPublicPagesCheckTheirTokens(host);
		}
	}

	@Test
	void withTheApplicationsOwnSecurityTheApiUnderTheServletPathTakesKeysAndTheRestKeepsItsRules() throws Exception {
		try (HostApplication host = HostApplication.start(SecuredHostApplication.class,
				EnumSet.of(OptionalPart.SPRINGDOC, OptionalPart.ACTUATOR, OptionalPart.PROMETHEUS,
						OptionalPart.CAMUNDA_WEBAPPS, OptionalPart.OAUTH2_CLIENT),
				"--spring.flyway.enabled=false", SERVLET_PATH, KEYS)) {
			assertTakesItsKeysOnly(host, HostWithItsOwnSecurityTest.CLERK);
			assertThat(host.get("/mvc/hello").statusCode()).as("the application's own rule").isEqualTo(401);
			assertThat(host.get("/mvc/hello", "Authorization", HostWithItsOwnSecurityTest.CLERK).body())
				.isEqualTo("hello");
			assertPublicPagesCheckTheirTokens(host);
		}
	}

	private void assertTakesItsKeysOnly(HostApplication host, String applicationLogin) throws Exception {
		HttpResponse<String> anonymous = host.get("/mvc/api/v1/actions");
		assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(ApiKeyProblems.CHALLENGE);
		assertThat(this.json.readTree(anonymous.body()).get("detail").asText()).contains("required");
		assertThat(host.get("/mvc/api/v1/actions", "Authorization", applicationLogin).statusCode())
			.as("the application's logins are not API keys")
			.isEqualTo(401);
		HttpResponse<String> withKey = host.get("/mvc/api/v1/actions", "X-API-Key", KEY);
		assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(200);
		assertThat(withKey.body()).contains("\"items\"");
		HttpResponse<String> unknown = host.get("/mvc/api/v1/nothing-here", "X-API-Key", KEY);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(this.json.readTree(unknown.body()).get("detail").asText())
			.isEqualTo("No API resource at GET /mvc/api/v1/nothing-here");
		HttpResponse<String> outside = host.get("/api/v1/actions", "X-API-Key", KEY);
		assertThat(outside.statusCode()).as("outside the servlet path: the application's, not the API")
			.isIn(401, 404);
		assertThat(outside.body()).doesNotContain("\"items\"");
	}

	private static void assertPublicPagesCheckTheirTokens(HostApplication host) throws Exception {
		// past any login: the chat page itself refuses a request without its token, with its own page
		HttpResponse<String> chat = host.get("/mvc/chat/some-session", "X-API-Key", "wrong-key");
		assertThat(chat.statusCode()).isEqualTo(403);
		assertThat(chat.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
	}

}
