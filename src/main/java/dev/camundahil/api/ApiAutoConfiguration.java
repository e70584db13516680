package dev.camundahil.api;

import dev.camundahil.action.ActionAutoConfiguration;

import dev.camundahil.web.HilJsonConverter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HIL REST API under {@code /api/v1}, in servlet web applications.
 */
@AutoConfiguration(after = ActionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
@Import(ApiConfiguration.class)
public class ApiAutoConfiguration {

	/** The HIL endpoints' JSON stays as documented whatever the application's Jackson settings. */
	@Bean
	@ConditionalOnMissingBean(name = "hilJsonConverter")
	static WebMvcConfigurer hilJsonConverter() {
		return HilJsonConverter.first();
	}

}
