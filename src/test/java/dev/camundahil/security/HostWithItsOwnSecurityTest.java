package dev.camundahil.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import example.securedhost.SecuredHostApplication;

import dev.camundahil.support.HostApplication;
import dev.camundahil.support.HostApplication.OptionalPart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in a Camunda application with a Spring Security chain of its own, on the class path such an
 * application has (Spring Security, but neither springdoc, actuator nor Spring Security's OAuth2 client): every path
 * but the HIL ones keeps the application's rules.
 */
class HostWithItsOwnSecurityTest extends HostApplicationContract {

	static final String CLERK = "Basic " + Base64.getEncoder()
		.encodeToString((SecuredHostApplication.USER + ":" + SecuredHostApplication.PASSWORD)
			.getBytes(StandardCharsets.UTF_8));

	@Override
	HostApplication start(String apiKeys) throws Exception {
		return HostApplication.start(SecuredHostApplication.class,
				EnumSet.of(OptionalPart.SPRINGDOC, OptionalPart.ACTUATOR, OptionalPart.PROMETHEUS,
						OptionalPart.CAMUNDA_WEBAPPS,
						OptionalPart.OAUTH2_CLIENT),
				"--spring.flyway.enabled=false", apiKeys);
	}

	@Override
	String[] applicationLogin() {
		return new String[] { "Authorization", CLERK };
	}

	@Test
	void theApplicationsPathsKeepItsOwnRules() throws Exception {
		for (String path : List.of("/engine-rest/engine", "/hello")) {
			HttpResponse<String> anonymous = this.host.get(path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path)
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
			assertThat(this.host.get(path, "X-API-Key", KEY).statusCode()).as("an API key opens HIL paths only")
				.isEqualTo(401);
			assertThat(this.host.get(path, "Authorization", CLERK).statusCode()).as(path).isEqualTo(200);
		}
		// springdoc is not on this application's class path, and the plugin does not bring it
		assertThat(this.host.get("/v3/api-docs", "Authorization", CLERK).statusCode()).isEqualTo(404);
	}

}
