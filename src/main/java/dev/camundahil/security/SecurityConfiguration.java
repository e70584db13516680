package dev.camundahil.security;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.camundahil.api.ProblemWriter;
import dev.camundahil.config.HilProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security of the HIL paths, and only of them: one filter chain, ahead of the application's own, that matches
 * {@code /api/v1/**} (API key required) and the public pages of {@code hil.security.public-paths} (no key; they
 * check their own signed tokens). Every other path stays with the application's security, untouched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableWebSecurity
public class SecurityConfiguration {

	/** Order of the HIL chain: ahead of the application's chains, so that they never decide the HIL paths. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** The paths of the HIL API. */
	public static final String API_PATHS = "/api/v1/**";

	static final String OPENAPI_SCHEME = "apiKey";

	@Bean
	@ConditionalOnMissingBean
	ApiKeys hilApiKeys(HilProperties properties) {
		return ApiKeys.configuredOrGenerated(properties.getSecurity().getApiKeys());
	}

	@Bean
	@Order(ORDER)
	@ConditionalOnMissingBean(name = "hilSecurityFilterChain")
	SecurityFilterChain hilSecurityFilterChain(HttpSecurity http, ApiKeys keys, HilProperties properties,
			ObjectMapper json) throws Exception {
		HilProperties.Security settings = properties.getSecurity();
		List<String> publicPatterns = settings.getPublicPaths()
			.stream()
			.filter((pattern) -> pattern != null && !pattern.isBlank())
			.map(String::strip)
			.toList();
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher(API_PATHS);
		RequestMatcher publicPaths = anyOf(publicPatterns);
		List<String> hilPaths = new ArrayList<>(publicPatterns);
		hilPaths.add(API_PATHS);
		RequestMatcher errorPages = new ErrorOfPathsMatcher(hilPaths);
		ProblemWriter problems = new ProblemWriter(json);
		ApiKeyProblems keyProblems = new ApiKeyProblems(problems);
		SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
		RequestBodyLimitFilter bodyLimit = new RequestBodyLimitFilter(settings.getMaxRequestBodySize(), publicPaths,
				problems);
		http.securityMatcher(new OrRequestMatcher(api, publicPaths, errorPages))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(publicPaths, errorPages)
				.permitAll()
				.anyRequest()
				.hasAuthority(ApiKeyAuthentication.AUTHORITY))
			.addFilterAt(new ApiKeyAuthenticationFilter(keys, publicPaths, keyProblems, contexts),
					BasicAuthenticationFilter.class)
			.addFilterAfter(bodyLimit, AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(keyProblems)
				.accessDeniedHandler(keyProblems))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no ambient credentials here (no cookies, no Basic auth): a cross-site request cannot borrow any,
			// and the public pages carry signed tokens, so there is nothing for a CSRF token to protect
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** Shows the API key in the API docs, so that Swagger UI can send it. */
	@Bean
	@ConditionalOnMissingBean(name = "hilApiKeyOpenApiCustomizer")
	OpenApiCustomizer hilApiKeyOpenApiCustomizer() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(OPENAPI_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name(ApiKeyAuthenticationFilter.HEADER)
					.description("One of the keys of hil.security.api-keys"));
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.entrySet()
					.stream()
					.filter((path) -> path.getKey().startsWith("/api/v1/"))
					.flatMap((path) -> path.getValue().readOperations().stream())
					.forEach((operation) -> operation.addSecurityItem(new SecurityRequirement().addList(OPENAPI_SCHEME)));
			}
		};
	}

	private static RequestMatcher anyOf(List<String> patterns) {
		List<RequestMatcher> matchers = patterns.stream()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList();
		return matchers.isEmpty() ? (request) -> false : new OrRequestMatcher(matchers);
	}

}
