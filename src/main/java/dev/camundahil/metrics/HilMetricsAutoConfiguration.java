package dev.camundahil.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import dev.camundahil.action.ActionAutoConfiguration;
import dev.camundahil.action.ActionService;
import dev.camundahil.channel.ChannelAutoConfiguration;
import dev.camundahil.channel.DispatchBacklog;
import dev.camundahil.webhook.WebhookAutoConfiguration;
import dev.camundahil.webhook.WebhookStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The plugin's meters, where the application has Micrometer: meter binders that Spring Boot binds to the
 * application's registries (Prometheus, or whatever it has). Off with {@code hil.metrics.enabled=false}.
 */
@AutoConfiguration(after = { ActionAutoConfiguration.class, ChannelAutoConfiguration.class,
		WebhookAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(ActionService.class)
@ConditionalOnProperty(prefix = MetricsProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MetricsProperties.class)
public class HilMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActionMeters hilActionMeters(ActionService actions, MetricsProperties properties) {
		return new ActionMeters(actions, properties.getRefreshInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxMeters hilOutboxMeters(ObjectProvider<DispatchBacklog> dispatches, ObjectProvider<WebhookStatus> webhooks,
			MetricsProperties properties) {
		return new OutboxMeters(dispatches.getIfAvailable(), webhooks.getIfAvailable(),
				properties.getRefreshInterval());
	}

}
