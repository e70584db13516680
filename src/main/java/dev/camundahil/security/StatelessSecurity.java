package dev.camundahil.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The part every chain of the plugin and its app shares: no session, and none of Spring Security's browser features
 * (CSRF token, saved request, login form, Basic auth, logout). Their callers authenticate every request on its own
 * (an API key, a signed token, or Camunda's own authentication), so there is no ambient credential for a CSRF
 * token to protect and no login for Spring Security to offer.
 */
public final class StatelessSecurity {

	private StatelessSecurity() {
	}

	/** Applies it to a chain being built, and returns the chain for further configuration. */
	public static HttpSecurity apply(HttpSecurity http) throws Exception {
		return http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
	}

}
