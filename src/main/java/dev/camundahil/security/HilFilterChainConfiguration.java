package dev.camundahil.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationRegistry;

import dev.camundahil.security.SecurityConfiguration.ApiFilters;
import dev.camundahil.web.ProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The HIL paths in an application with Spring Security: one filter chain, ahead of the application's own, that
 * matches only them. The application's chains, or Spring Boot's default one, keep every other path as they were.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableWebSecurity
class HilFilterChainConfiguration {

	@Bean
	@Order(SecurityConfiguration.ORDER)
	@ConditionalOnMissingBean(name = "hilSecurityFilterChain")
	SecurityFilterChain hilSecurityFilterChain(HttpSecurity http, ApiKeys keys, HilSecurityProperties properties,
			ObjectMapper json, ObjectProvider<DispatcherServletPath> servlet) throws Exception {
		SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
		ApiFilters filters = SecurityConfiguration.apiFilters(keys, properties, json,
				new ApiKeySecurityContext(contexts), servlet);
		HilPaths paths = filters.paths();
		ApiKeyProblems problems = filters.keyProblems();
		RequestMatcher publicPaths = paths::isPublic;
		RequestMatcher errorPages = new ErrorOfPathsMatcher(paths.patterns());
		http.securityMatcher((request) -> paths.matches(request) || errorPages.matches(request))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(publicPaths, errorPages)
				.permitAll()
				.anyRequest()
				.hasAuthority(ApiKeyAuthentication.AUTHORITY))
			.addFilterAt(filters.keys(), BasicAuthenticationFilter.class)
			.addFilterAfter(filters.bodyLimit(), AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.missingKey(request, response))
				.accessDeniedHandler((request, response, ex) -> problems.forbidden(request, response)))
			.securityContext((context) -> context.securityContextRepository(contexts));
		// API keys and the public pages' signed tokens are no ambient credentials a cross-site request could borrow
		return StatelessSecurity.apply(http).build();
	}

	/**
	 * Spring Security takes one handler of the requests its firewall refuses, for the whole application: the HIL
	 * API's get problem JSON from it, all others the answer they get without the plugin. A host's own handler keeps
	 * its place (and answers the API's too).
	 */
	@Bean
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	RequestRejectedHandler hilRequestRejectedHandler(ObjectMapper json, ObjectProvider<DispatcherServletPath> servlet,
			ObjectProvider<ObservationRegistry> observations) {
		return new ApiRequestRejectedHandler(SecurityConfiguration.servletPrefix(servlet), new ProblemWriter(json),
				observations.getIfUnique(() -> ObservationRegistry.NOOP));
	}

}
