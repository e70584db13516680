package dev.camundahil.app;

import java.util.List;

import dev.camundahil.security.ApiKeys;
import dev.camundahil.security.StatelessSecurity;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the standalone app outside the HIL paths (those have the plugin's own chain, which comes first).
 * Camunda guards its own parts with its own authentication: the REST API with HTTP Basic against the engine's
 * users, the webapps with their login page. Spring Security lets those through, keeps the health endpoint and the
 * API docs open (they describe the API; every call still needs a key), lets the rest of the Actuator (Prometheus)
 * answer a HIL API key, and refuses every other path.
 */
@Configuration(proxyBeanMethods = false)
class AppSecurityConfiguration {

	/** Open to Spring Security; the Camunda parts among them authenticate on their own. */
	static final List<String> OPEN_PATHS = List.of("/", "/error", "/favicon.ico", "/camunda/**", "/engine-rest/**",
			"/actuator/health", "/actuator/health/**", "/actuator/info", "/swagger-ui.html", "/swagger-ui/**",
			"/v3/api-docs", "/v3/api-docs/**");

	/** The rest of the Actuator (Prometheus): for machines, with an API key of the HIL API. */
	static final String ACTUATOR = "/actuator/**";

	@Bean
	@Order(SecurityProperties.BASIC_AUTH_ORDER)
	SecurityFilterChain appSecurityFilterChain(HttpSecurity http, ApiKeys keys) throws Exception {
		RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher(ACTUATOR);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(paths(OPEN_PATHS))
			.permitAll()
			.requestMatchers(actuator)
			.access(new ActuatorKeyCheck(keys))
			.anyRequest()
			.denyAll())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), actuator)
				.defaultAuthenticationEntryPointFor(new Http403ForbiddenEntryPoint(), AnyRequestMatcher.INSTANCE));
		// the webapps have their own CSRF protection; the REST API takes no cookies from Spring Security
		return StatelessSecurity.apply(http).build();
	}

	/** Matched on the path in the app, whichever servlet (Spring MVC, Camunda's Jersey) serves it. */
	private static RequestMatcher[] paths(List<String> patterns) {
		return patterns.stream()
			.map((pattern) -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toArray(RequestMatcher[]::new);
	}

	/** Camunda's own authentication of its REST API: HTTP Basic against the engine's users. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

}
