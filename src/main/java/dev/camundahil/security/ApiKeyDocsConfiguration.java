package dev.camundahil.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shows the API key in the API docs, so that Swagger UI can send it; only where the application serves API docs
 * with springdoc.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
class ApiKeyDocsConfiguration {

	static final String OPENAPI_SCHEME = "apiKey";

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

}
