package dev.camundahil.schedule;

import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring work runs in the application's Quartz scheduler, and only where there is one.
 */
class ScheduleAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScheduleAutoConfiguration.class));

	@Test
	void withASchedulerTheWorkIsScheduled() {
		this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class)
			.run((context) -> assertThat(context).hasSingleBean(RecurringWorkScheduler.class)
				.hasSingleBean(RecurringWorkRunner.class));
	}

	@Test
	void withoutASchedulerNothingIsScheduled() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(RecurringWorkScheduler.class)
			.doesNotHaveBean(RecurringWorkRunner.class));
	}

}
