package dev.camundahil.webhook;

import java.util.List;

import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Webhooks: the outbox everywhere and its API in servlet web applications only, {@code hil.webhooks} checked at
 * start with messages that name the setting, and a host's own beans in place of the plugin's.
 */
class WebhookAutoConfigurationTest {

	private static final AutoConfigurations WEBHOOKS = AutoConfigurations.of(WebhookAutoConfiguration.class);

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withUserConfiguration(Subscriptions.class)
		.withConfiguration(WEBHOOKS);

	@Test
	void withoutAWebServerTheOutboxOnly() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(WebhookOutbox.class)
			.hasBean("hilEndedWebhookDeliveryCleanup")
			.doesNotHaveBean(WebhookController.class));
	}

	@Test
	void inAServletWebApplicationTheApi() {
		PluginContexts.withDatabase(new WebApplicationContextRunner())
			.withUserConfiguration(Subscriptions.class)
			.withConfiguration(WEBHOOKS)
			.run((context) -> assertThat(context).hasSingleBean(WebhookController.class));
	}

	@Test
	void invalidSettingsStopTheStartAndNameTheSetting() {
		String[][] cases = { { "hil.webhooks.threads=0", "hil.webhooks.threads must be at least 1" },
				{ "hil.webhooks.interval=0s", "hil.webhooks.interval must be positive" },
				{ "hil.webhooks.retry-schedule=", "hil.webhooks.retry-schedule needs at least one duration" },
				{ "hil.webhooks.retry-schedule=0s,-5s", "hil.webhooks.retry-schedule must list durations of zero or more" },
				{ "hil.webhooks.delivery-retention=-1d", "hil.webhooks.delivery-retention must not be negative" },
				{ "hil.webhooks.encryption-key=too-short", "hil.webhooks.encryption-key is 9 characters long" } };
		for (String[] invalid : cases) {
			this.contexts.withPropertyValues(invalid[0])
				.run(PluginContexts.failedOnSetting(invalid[1]).andThen((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageNotContaining("too-short")));
		}
	}

	@Test
	void theHostsBeansReplaceThePlugins() {
		this.contexts.withUserConfiguration(HostPolicy.class)
			.run((context) -> assertThat(context).getBean(WebhookAddressPolicy.class).isSameAs(HostPolicy.POLICY));
	}

	/** The JPA repository of subscriptions, which Spring Data would create from the host's JPA set-up. */
	@Configuration(proxyBeanMethods = false)
	static class Subscriptions {

		@Bean
		ActionWebhookRepository actionWebhookRepository() {
			return mock(ActionWebhookRepository.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostPolicy {

		static final WebhookAddressPolicy POLICY = new WebhookAddressPolicy(List.of());

		@Bean
		WebhookAddressPolicy hostPolicy() {
			return POLICY;
		}

	}

}
