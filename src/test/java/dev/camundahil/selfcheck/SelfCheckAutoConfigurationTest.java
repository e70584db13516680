package dev.camundahil.selfcheck;

import dev.camundahil.links.LinksAutoConfiguration;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link check in web applications unless switched off, its health where the Actuator is, and the settings
 * checked at start. (The check of waits needs a process engine; {@link SelfCheckTest} runs it on one.)
 */
class SelfCheckAutoConfigurationTest {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinksAutoConfiguration.class, SelfCheckAutoConfiguration.class));

	@Test
	void aWebApplicationChecksItsLinks() {
		this.web.run((context) -> assertThat(context).hasSingleBean(LinkReachCheck.class)
			.hasSingleBean(LinkPingController.class)
			.hasBean("hilLinksHealthIndicator")
			.doesNotHaveBean(LostWaits.class));
	}

	@Test
	void switchedOffTheLinksAreNotChecked() {
		this.web.withPropertyValues("hil.self-checks.links.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LinkReachCheck.class)
				.doesNotHaveBean(LinkPingController.class));
	}

	@Test
	void anApplicationWithoutAWebServerHasNoLinksToCheck() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LinksAutoConfiguration.class, SelfCheckAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LinkReachCheck.class));
	}

	@Test
	void invalidSettingsStopTheStartAndNameTheSetting() {
		ApplicationContextRunner plain = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LinksAutoConfiguration.class, SelfCheckAutoConfiguration.class));
		plain.withPropertyValues("hil.self-checks.waits.batch-size=0")
			.run(PluginContexts.failedOnSetting("hil.self-checks.waits.batch-size must be at least 1"));
		plain.withPropertyValues("hil.self-checks.links.interval=0s")
			.run(PluginContexts.failedOnSetting("hil.self-checks.links.interval must be at least 1000ms"));
	}

}
