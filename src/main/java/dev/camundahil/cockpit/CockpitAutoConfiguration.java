package dev.camundahil.cockpit;

import java.util.List;

import dev.camundahil.action.ActionService;
import dev.camundahil.channel.ChannelAutoConfiguration;
import dev.camundahil.channel.DispatchBacklog;
import dev.camundahil.webhook.WebhookAutoConfiguration;
import dev.camundahil.webhook.WebhookStatus;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The HIL view in Camunda Cockpit, where the application has Camunda's webapps: the plugin's resources reach this
 * application's actions, outboxes and settings through the {@link CockpitBridge}. Off with
 * {@code hil.cockpit.enabled=false}.
 * Ordered last rather than after the engine's auto-configuration, whose class is named differently on each engine.
 */
@AutoConfiguration(after = { ChannelAutoConfiguration.class, WebhookAutoConfiguration.class })
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnClass(AbstractCockpitPlugin.class)
@ConditionalOnBean({ ProcessEngine.class, ActionService.class })
@ConditionalOnProperty(prefix = CockpitProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CockpitProperties.class)
public class CockpitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CockpitBridge hilCockpitBridge(ProcessEngine engine, ActionService actions,
			ObjectProvider<DispatchBacklog> dispatches, ObjectProvider<WebhookStatus> webhooks,
			CockpitProperties properties) {
		return new CockpitBridge(engine, new CockpitOperations(actions, dispatches.getIfAvailable(),
				webhooks.getIfAvailable(), adminGroups(properties, engine)));
	}

	/** The setting's group, else the engine's own admin groups, whose names differ between Camunda and Operaton. */
	private static List<String> adminGroups(CockpitProperties properties, ProcessEngine engine) {
		String group = properties.getAdminGroup();
		if (group != null && !group.isBlank()) {
			return List.of(group.strip());
		}
		if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration
				&& configuration.getAdminGroups() != null && !configuration.getAdminGroups().isEmpty()) {
			return configuration.getAdminGroups();
		}
		return List.of(Groups.CAMUNDA_ADMIN);
	}

}
