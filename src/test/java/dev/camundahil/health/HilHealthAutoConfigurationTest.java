package dev.camundahil.health;

import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health contributor {@code hil}: there with the Actuator, with a member only for the parts the application
 * runs, gone without the Actuator or when switched off, and its settings checked at start.
 */
class HilHealthAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HilHealthAutoConfiguration.class));

	@Test
	void withTheActuatorThereIsAContributorWithAMemberPerPart() {
		this.contexts.run((context) -> {
			assertThat(context).hasBean("hilHealthContributor");
			CompositeHealthContributor hil = context.getBean("hilHealthContributor", CompositeHealthContributor.class);
			assertThat(hil.iterator()).as("no mail, mailbox or outboxes in this application").isExhausted();
		});
	}

	@Test
	void withoutTheActuatorThereIsNone() {
		this.contexts.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean("hilHealthContributor"));
	}

	@Test
	void switchedOffThereIsNone() {
		this.contexts.withPropertyValues("management.health.hil.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hilHealthContributor"));
	}

	@Test
	void invalidSettingsStopTheStartAndNameTheSetting() {
		this.contexts.withPropertyValues("hil.health.mailbox-missed-polls=0")
			.run(PluginContexts.failedOnSetting("hil.health.mailbox-missed-polls must be at least 1"));
		this.contexts.withPropertyValues("hil.health.dispatch-max-delay=-1s")
			.run(PluginContexts.failedOnSetting("hil.health.dispatch-max-delay must not be negative"));
	}

}
