package dev.camundahil.app;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import dev.camundahil.security.ApiKeys;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets a request to the Actuator through when it carries a HIL API key, as {@code X-API-Key} or as a bearer token
 * ({@code Authorization: Bearer <key>}, which Prometheus sends from a scrape's {@code authorization} settings).
 */
final class ActuatorKeyCheck implements AuthorizationManager<RequestAuthorizationContext> {

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	ActuatorKeyCheck(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	@Deprecated
	public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
		return new AuthorizationDecision(this.keys.nameOf(key(context.getRequest())).isPresent());
	}

	private static String key(HttpServletRequest request) {
		String key = request.getHeader("X-API-Key");
		if (key != null) {
			return key;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		return null;
	}

}
