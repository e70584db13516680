package dev.camundahil.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import example.plainhost.PlainHostApplication;

import dev.camundahil.support.HostApplication;
import dev.camundahil.support.HostApplication.OptionalPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in a Camunda application without Spring Security, springdoc or actuator, on the class path such an
 * application has: the application stays as open as it was, and only the HIL API asks for a key.
 */
class HostWithoutSpringSecurityTest extends HostApplicationContract {

	static final String JSON = "application/json";

	@Override
	HostApplication start(String apiKeys) throws Exception {
		return HostApplication.start(PlainHostApplication.class, EnumSet.allOf(OptionalPart.class),
				"--spring.flyway.locations=classpath:example/plainhost/db", apiKeys);
	}

	@Override
	String[] applicationLogin() {
		// the kind Camunda's REST API takes where an application protects it: HTTP Basic, here demo:demo
		return new String[] { "Authorization", "Basic ZGVtbzpkZW1v" };
	}

	@Test
	void theApplicationStaysAsOpenAsItWas() throws Exception {
		HttpResponse<String> engines = this.host.get("/engine-rest/engine");
		assertThat(engines.statusCode()).isEqualTo(200);
		assertThat(engines.body()).contains("\"default\"");
		HttpResponse<String> hello = this.host.get("/hello");
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("hello from the host");
	}

	@Test
	void nothingPublicAppearsThatTheApplicationDidNotAskFor() throws Exception {
		// springdoc and actuator are not on this application's class path, and the plugin brings neither
		assertThat(this.host.get("/v3/api-docs").statusCode()).isEqualTo(404);
		assertThat(this.host.get("/swagger-ui.html").statusCode()).isEqualTo(404);
		assertThat(this.host.get("/actuator/health").statusCode()).isEqualTo(404);
	}

	@Test
	void anAnswerMadeWithAKeyIsRecordedAsTheKeysUser() throws Exception {
		UUID id = startAndFindAction(this.host.deployApproval(""));

		HttpResponse<String> answer = this.host.send("POST", "/api/v1/actions/" + id + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"ann@example.com\"}", "X-API-Key", KEY, "Content-Type",
				JSON);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

		List<String> completedBy = new ArrayList<>();
		for (JsonNode entry : this.json.readTree(this.host.get("/api/v1/actions/" + id + "/audit", "X-API-Key", KEY)
			.body())) {
			if (entry.get("event").asText().equals("completed")) {
				completedBy.add(entry.get("userId").asText());
			}
		}
		assertThat(completedBy).containsExactly("host-app");
	}

	@Test
	void requestsToTheApiMeetItsLimitsAndSpellingsOfThePathDoNotGetAroundTheKey() throws Exception {
		String process = this.host.deployApproval("");
		startAndFindAction(process);

		HttpResponse<String> huge = this.host.send("POST", "/api/v1/actions/" + UUID.randomUUID() + "/respond",
				"{\"value\": \"" + "x".repeat(300 * 1024) + "\"}", "X-API-Key", KEY, "Content-Type", JSON);
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("256 KB");

		for (String path : List.of("/api/v1/./actions", "/chat/../api/v1/actions", "/chat/..%2Fapi/v1/actions",
				"/api/v1/actions;x=1", "/API/V1/actions", "/api%2Fv1/actions", "//api/v1/actions",
				"/hil/%2e%2e/api/v1/actions", "/api/v1/actions%00")) {
			HttpResponse<String> reply = this.host.get(path + "?flowId=" + process);
			assertThat(reply.statusCode()).as(path).isIn(400, 401, 403, 404);
			assertThat(reply.body()).as(path).doesNotContain(process);
		}
	}

	private UUID startAndFindAction(String process) throws Exception {
		HttpResponse<String> started = this.host.send("POST",
				"/engine-rest/process-definition/key/" + process + "/start",
				"{\"variables\": {\"orderId\": {\"value\": 1, \"type\": \"Integer\"}}}", "Content-Type", JSON);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		JsonNode actions = this.json
			.readTree(this.host.get("/api/v1/actions?flowId=" + process, "X-API-Key", KEY).body())
			.get("items");
		assertThat(actions).hasSize(1);
		return UUID.fromString(actions.get(0).get("id").asText());
	}

}
