package dev.camundahil.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.web.ProblemWriter;
import dev.camundahil.security.ApiKeyAuthenticationFilter.AcceptedKeys;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The security of the HIL paths, and only of them: {@code /api/v1/**} needs an API key, and the public pages of
 * {@code hil.security.public-paths} check their own signed tokens. Where Spring Security is on the class path, a
 * filter chain of its own, ahead of the application's, decides the HIL paths; where it is absent, the same filters
 * run as servlet filters on those paths. Either way every other path stays with the application, untouched.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Order of the HIL chain, or of the HIL servlet filters without Spring Security: ahead of the application's
	 * chains and filters, so that they never decide the HIL paths.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** Where the HIL API lives. */
	static final String API_ROOT = "/api/v1";

	/** The paths of the HIL API. */
	public static final String API_PATHS = API_ROOT + "/**";

	@Bean
	@ConditionalOnMissingBean
	ApiKeys hilApiKeys(HilSecurityProperties properties) {
		return ApiKeys.configuredOrGenerated(properties.getApiKeys());
	}

	/**
	 * The filters every request to the HIL API passes, in this order: the key check, then the body limit.
	 * @param accepted where an accepted key is recorded besides the request
	 * @param servlet where Spring MVC's dispatcher servlet is mapped, when the application has one
	 */
	static ApiFilters apiFilters(ApiKeys keys, HilSecurityProperties settings, ObjectMapper json,
			AcceptedKeys accepted, ObjectProvider<DispatcherServletPath> servlet) {
		HilPaths paths = new HilPaths(settings.getPublicPaths(), servletPrefix(servlet));
		ProblemWriter problems = new ProblemWriter(json);
		ApiKeyProblems keyProblems = new ApiKeyProblems(problems);
		return new ApiFilters(paths, keyProblems, new ApiKeyAuthenticationFilter(keys, paths, keyProblems, accepted),
				new RequestBodyLimitFilter(settings.getMaxRequestBodySize(), paths, problems));
	}

	/**
	 * The path Spring MVC's dispatcher servlet is mapped under, such as {@code /mvc}, where the HIL paths then live;
	 * empty when it serves the whole application or there is none.
	 */
	static String servletPrefix(ObjectProvider<DispatcherServletPath> servlet) {
		DispatcherServletPath mvc = servlet.getIfUnique();
		String prefix = (mvc != null) ? mvc.getPrefix().strip() : "";
		return prefix.equals("/") ? "" : prefix;
	}

	record ApiFilters(HilPaths paths, ApiKeyProblems keyProblems, ApiKeyAuthenticationFilter keys,
			RequestBodyLimitFilter bodyLimit) {
	}

}
