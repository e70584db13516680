package dev.camundahil.escalation;

import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Escalation: its schedule always, its sweep only with a Quartz scheduler, its settings checked at start with
 * messages that name the setting, and a host's own sweep in place of the plugin's.
 */
class EscalationAutoConfigurationTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(AutoConfigurations.of(EscalationAutoConfiguration.class));

	@Test
	void withASchedulerDueLevelsAreSwept() {
		this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class)
			.withPropertyValues("hil.escalation.batch-size=7")
			.run((context) -> {
				assertThat(context).hasSingleBean(EscalationSchedule.class).hasBean("hilEscalation");
				assertThat(context.getBean("hilEscalation", RecurringWork.class).batchSize()).isEqualTo(7);
			});
	}

	@Test
	void withoutASchedulerLevelsAreOnlyScheduled() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(EscalationSchedule.class)
			.doesNotHaveBean("hilEscalation"));
	}

	@Test
	void invalidSettingsStopTheStartAndNameTheSetting() {
		String[][] cases = { { "hil.escalation.batch-size=0", "hil.escalation.batch-size must be at least 1" },
				{ "hil.escalation.interval=0s", "hil.escalation.interval must be at least 1ms" } };
		for (String[] invalid : cases) {
			this.contexts.withPropertyValues(invalid[0]).run(PluginContexts.failedOnSetting(invalid[1]));
		}
	}

	@Test
	void theHostsSweepReplacesThePlugins() {
		this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class, HostEscalation.class)
			.run((context) -> assertThat(context).getBean("hilEscalation").isSameAs(HostEscalation.WORK));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostEscalation {

		static final RecurringWork WORK = mock(RecurringWork.class);

		@Bean
		RecurringWork hilEscalation() {
			return WORK;
		}

	}

}
