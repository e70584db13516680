package dev.camundahil.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security of the HIL paths: a filter chain of its own with Spring Security, servlet filters without it, the
 * API key in the API docs only with springdoc, nothing outside servlet web applications, and a host's own keys in
 * place of the plugin's.
 */
class HilSecurityAutoConfigurationTest {

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
					HilSecurityAutoConfiguration.class));

	@Test
	void withSpringSecurityAChainOfItsOwn() {
		this.contexts.run((context) -> assertThat(context).hasBean("hilSecurityFilterChain")
			.hasBean("hilRequestRejectedHandler")
			.doesNotHaveBean("hilApiKeyFilter")
			.hasBean("hilApiKeyOpenApiCustomizer"));
	}

	@Test
	void withoutSpringSecurityServletFilters() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HilSecurityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.run((context) -> assertThat(context).hasBean("hilApiKeyFilter")
				.hasBean("hilRequestBodyLimitFilter")
				.doesNotHaveBean("hilSecurityFilterChain"));
	}

	@Test
	void withoutSpringdocNoApiDocsScheme() {
		this.contexts.withClassLoader(new FilteredClassLoader(OpenApiCustomizer.class))
			.run((context) -> assertThat(context).hasBean("hilSecurityFilterChain")
				.doesNotHaveBean("hilApiKeyOpenApiCustomizer"));
	}

	@Test
	void withoutAWebServerNothing() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HilSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ApiKeys.class)
				.doesNotHaveBean(HilSecurityProperties.class));
	}

	@Test
	void theHostsKeysReplaceThePlugins() {
		this.contexts.withUserConfiguration(HostKeys.class)
			.run((context) -> assertThat(context).getBean(ApiKeys.class).isSameAs(context.getBean("hostKeys")));
	}

	@Test
	void theHostsHandlerOfRefusedRequestsKeepsItsPlace() {
		this.contexts.withUserConfiguration(HostRejections.class)
			.run((context) -> assertThat(context).getBean(RequestRejectedHandler.class)
				.isSameAs(context.getBean("hostRejections")));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostRejections {

		@Bean
		RequestRejectedHandler hostRejections() {
			return new HttpStatusRequestRejectedHandler(418);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostKeys {

		@Bean
		ApiKeys hostKeys() {
			return ApiKeys.configuredOrGenerated(List.of("host:a-key-of-the-host"));
		}

	}

}
