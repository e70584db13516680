package dev.camundahil.action;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Actions: their service in every application with a database, bound to {@code hil.*}, and replaced by a host's own.
 */
class ActionAutoConfigurationTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withConfiguration(AutoConfigurations.of(ActionAutoConfiguration.class));

	@Test
	void createsTheServiceWithItsSettings() {
		this.contexts.withPropertyValues("hil.default-timeout=1h").run((context) -> {
			assertThat(context).hasSingleBean(ActionService.class).hasSingleBean(ActionRequestRepository.class);
			assertThat(context.getBean(ActionProperties.class).getDefaultTimeout()).isEqualTo(Duration.ofHours(1));
		});
	}

	@Test
	void theHostsServiceReplacesThePlugins() {
		this.contexts.withUserConfiguration(HostActions.class)
			.run((context) -> assertThat(context).getBean(ActionService.class)
				.isSameAs(context.getBean("hostActionService")));
	}

	@Test
	void theApplicationsJacksonSettingsDoNotChangeTheHashesOfIdempotencyKeys() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("b", 1);
		value.put("a", 2);
		ResponseCommand command = new ResponseCommand(value, "ann@example.com", "host-app", "api", "key-1", null);
		String expected = new IdempotencyKeys(null, new ObjectMapper()).hash(command);
		this.contexts
			.withPropertyValues("spring.jackson.serialization.indent-output=true",
					"spring.jackson.serialization.order-map-entries-by-keys=true")
			.run((context) -> {
				IdempotencyKeys keys = (IdempotencyKeys) ReflectionTestUtils
					.getField(context.getBean(ActionService.class), "idempotencyKeys");
				assertThat(keys.hash(command)).isEqualTo(expected);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostActions {

		@Bean
		ActionService hostActionService() {
			return mock(ActionService.class);
		}

	}

}
