package dev.camundahil.channel;

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
 * Output channels: the outbox, its sweeps on their {@code hil.dispatch} and {@code hil.reminders} settings, a
 * retry schedule checked at start, and a host's own sweep in place of the plugin's.
 */
class ChannelAutoConfigurationTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(AutoConfigurations.of(ChannelAutoConfiguration.class));

	@Test
	void declaresTheOutboxAndItsSweeps() {
		this.contexts.withPropertyValues("hil.dispatch.batch-size=7", "hil.reminders.batch-size=9").run((context) -> {
			assertThat(context).hasSingleBean(DispatchOutbox.class).hasSingleBean(ChannelRouter.class);
			assertThat(context.getBean("hilDispatchRetries", RecurringWork.class).batchSize()).isEqualTo(7);
			assertThat(context.getBean("hilReminders", RecurringWork.class).batchSize()).isEqualTo(9);
		});
	}

	@Test
	void aNegativeWaitStopsTheStartAndNamesTheSetting() {
		this.contexts.withPropertyValues("hil.dispatch.retry-schedule=5s,-1s")
			.run(PluginContexts.failedOnSetting("hil.dispatch.retry-schedule must list durations of zero or more"));
	}

	@Test
	void theHostsBeansReplaceThePlugins() {
		this.contexts.withUserConfiguration(HostReminders.class)
			.run((context) -> assertThat(context).getBean("hilReminders").isSameAs(HostReminders.WORK));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostReminders {

		static final RecurringWork WORK = mock(RecurringWork.class);

		@Bean
		RecurringWork hilReminders() {
			return WORK;
		}

	}

}
