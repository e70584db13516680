package dev.camundahil.expiry;

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
 * The expiry of overdue actions: only with a Quartz scheduler and unless {@code hil.expiry.enabled} is off, its
 * settings checked at start with messages that name the setting, and a host's own sweep in place of the plugin's.
 */
class ExpiryAutoConfigurationTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(AutoConfigurations.of(ExpiryAutoConfiguration.class));

	@Test
	void withASchedulerOverdueActionsExpire() {
		this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class).withPropertyValues("hil.expiry.batch-size=7").run((context) -> {
			assertThat(context).hasBean("hilExpiry");
			assertThat(context.getBean("hilExpiry", RecurringWork.class).batchSize()).isEqualTo(7);
		});
	}

	@Test
	void withoutASchedulerNothingExpires() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean("hilExpiry"));
	}

	@Test
	void switchedOffNothingExpires() {
		this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class)
			.withPropertyValues("hil.expiry.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hilExpiry"));
	}

	@Test
	void invalidSettingsStopTheStartAndNameTheSetting() {
		String[][] cases = { { "hil.expiry.batch-size=0", "hil.expiry.batch-size must be at least 1" },
				{ "hil.expiry.parallel-sweeps=0", "hil.expiry.parallel-sweeps must be at least 1" },
				{ "hil.expiry.interval=0s", "hil.expiry.interval must be at least 1ms" },
				{ "hil.expiry.retry-delay=-1s", "hil.expiry.retry-delay must not be negative" } };
		for (String[] invalid : cases) {
			this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class)
				.withPropertyValues(invalid[0])
				.run(PluginContexts.failedOnSetting(invalid[1]));
		}
	}

	@Test
	void theHostsSweepReplacesThePlugins() {
		this.contexts.withUserConfiguration(PluginContexts.MockScheduler.class, HostExpiry.class)
			.run((context) -> assertThat(context).getBean("hilExpiry").isSameAs(HostExpiry.WORK));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostExpiry {

		static final RecurringWork WORK = mock(RecurringWork.class);

		@Bean
		RecurringWork hilExpiry() {
			return WORK;
		}

	}

}
