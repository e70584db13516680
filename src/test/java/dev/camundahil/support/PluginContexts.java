package dev.camundahil.support;

import java.util.UUID;

import dev.camundahil.InvalidSettingException;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.AnswerTransaction;
import dev.camundahil.schema.SchemaAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.quartz.Scheduler;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * What the context-runner tests of the plugin's auto-configurations give a feature: an in-memory H2 database of its
 * own with the plugin's tables, Jackson, and actions as mocks, so that a feature starts without an engine.
 */
public final class PluginContexts {

	/** Spring Boot's data and JSON auto-configurations, and the plugin's tables. */
	public static final AutoConfigurations DATA = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			JacksonAutoConfiguration.class, SchemaAutoConfiguration.class);

	private PluginContexts() {
	}

	/** A runner with {@link #DATA} on a database of its own. */
	public static <R extends AbstractApplicationContextRunner<R, ?, ?>> R withDatabase(R runner) {
		return runner.withConfiguration(DATA)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:contexts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.datasource.generate-unique-name=false");
	}

	/** Checks that the start failed on an invalid setting, with a message that contains {@code message}. */
	public static ContextConsumer<AssertableApplicationContext> failedOnSetting(String message) {
		return (context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(InvalidSettingException.class)
			.hasMessageContaining(message);
	}

	/** A Quartz scheduler as a mock, for features that run recurring work. */
	@Configuration(proxyBeanMethods = false)
	public static class MockScheduler {

		@Bean
		Scheduler scheduler() {
			return mock(Scheduler.class);
		}

	}

	/** Actions as mocks, for features that use them. */
	@Configuration(proxyBeanMethods = false)
	public static class MockActions {

		@Bean
		ActionService actionService() {
			return mock(ActionService.class);
		}

		@Bean
		AnswerTransaction answerTransaction() {
			return mock(AnswerTransaction.class);
		}

	}

}
