package dev.camundahil.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;

import dev.camundahil.security.ApiKeyAuthenticationFilter.AcceptedKeys;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HIL paths in an application without Spring Security: the filters of the HIL chain run as servlet filters of
 * their own, ahead of the application's, and act on the HIL API only. Every other path stays as the application
 * has it, and Spring Security is not switched on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass("org.springframework.security.web.SecurityFilterChain")
class HilServletFiltersConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hilApiKeyFilter")
	FilterRegistrationBean<ApiKeyAuthenticationFilter> hilApiKeyFilter(ApiKeys keys, HilSecurityProperties properties,
			ObjectMapper json, ObjectProvider<DispatcherServletPath> servlet) {
		return registration("hilApiKeyFilter",
				SecurityConfiguration.apiFilters(keys, properties, json, AcceptedKeys.REQUEST_ONLY, servlet).keys(), 0);
	}

	@Bean
	@ConditionalOnMissingBean(name = "hilRequestBodyLimitFilter")
	FilterRegistrationBean<RequestBodyLimitFilter> hilRequestBodyLimitFilter(ApiKeys keys, HilSecurityProperties properties,
			ObjectMapper json, ObjectProvider<DispatcherServletPath> servlet) {
		return registration("hilRequestBodyLimitFilter",
				SecurityConfiguration.apiFilters(keys, properties, json, AcceptedKeys.REQUEST_ONLY, servlet).bodyLimit(),
				1);
	}

	/**
	 * Mapped to every path: each filter picks the HIL API itself, matching paths as the HIL chain does, where a
	 * servlet URL pattern would be a second matcher that sees paths differently.
	 */
	private static <F extends Filter> FilterRegistrationBean<F> registration(String name, F filter, int position) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setName(name);
		registration.setOrder(SecurityConfiguration.ORDER + position);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
