package dev.camundahil.security;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.support.HostApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plugin keeps to in every application it is added to, whatever that application's security: the HIL API
 * takes its API keys and nothing else, the public pages are left to their signed tokens, and the plugin makes
 * Spring Boot generate no password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class HostApplicationContract {

	static final String KEY = "host-key-0123456789";

	final ObjectMapper json = new ObjectMapper();

	HostApplication host;

	/** Starts the application with this setting of the API keys besides its own settings. */
	abstract HostApplication start(String apiKeys) throws Exception;

	/** A login of the application's own kind (header name, then value), which must not open the HIL API. */
	abstract String[] applicationLogin();

	@BeforeAll
	void startApplication() throws Exception {
		this.host = start("--hil.security.api-keys=host-app:" + KEY);
	}

	@AfterAll
	void stopApplication() throws Exception {
		if (this.host != null) {
			this.host.close();
		}
	}

	@Test
	void theHilApiTakesItsKeysAndNothingElse() throws Exception {
		HttpResponse<String> anonymous = this.host.get("/api/v1/actions");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(ApiKeyProblems.CHALLENGE);
		assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(this.json.readTree(anonymous.body()).get("detail").asText()).contains("required");
		HttpResponse<String> wrongKey = this.host.get("/api/v1/actions", "X-API-Key", "wrong-key");
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(wrongKey.body()).get("detail").asText()).contains("not valid");
		assertThat(this.host.get("/api/v1/actions", applicationLogin()).statusCode())
			.as("the application's logins are not API keys")
			.isEqualTo(401);

		HttpResponse<String> withKey = this.host.get("/api/v1/actions", "X-API-Key", KEY);
		assertThat(withKey.statusCode()).isEqualTo(200);
		assertThat(withKey.body()).contains("\"items\"");
		assertThat(this.host.get("/api/v1/nothing-here", "X-API-Key", KEY).statusCode()).isEqualTo(404);
	}

	@Test
	void publicPagesAreLeftToTheirOwnTokens() throws Exception {
		// past the key check: the chat page itself refuses a request without its token, with its own page
		HttpResponse<String> chat = this.host.get("/chat/some-session", "X-API-Key", "wrong-key");
		assertThat(chat.statusCode()).isEqualTo(403);
		assertThat(chat.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
	}

	@Test
	void thePluginMakesSpringBootGenerateNoPassword(CapturedOutput output) {
		assertThat(output).contains("Tomcat started on port " + this.host.port())
			.doesNotContain("Using generated security password");
	}

}
