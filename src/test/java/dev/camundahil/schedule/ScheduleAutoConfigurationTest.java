package dev.camundahil.schedule;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Recurring work runs in the application's Quartz scheduler, and only where there is one.
 */
class ScheduleAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScheduleAutoConfiguration.class));

	@Test
	void withASchedulerTheWorkIsScheduled() {
		this.contexts.withUserConfiguration(Quartz.class)
			.run((context) -> assertThat(context).hasSingleBean(RecurringWorkScheduler.class)
				.hasSingleBean(RecurringWorkRunner.class));
	}

	@Test
	void withoutASchedulerNothingIsScheduled() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(RecurringWorkScheduler.class)
			.doesNotHaveBean(RecurringWorkRunner.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Quartz {

		@Bean
		Scheduler scheduler() {
			return mock(Scheduler.class);
		}

	}

}
