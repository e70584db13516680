package dev.camundahil.webhook;

import dev.camundahil.action.ActionAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Webhooks: subscriptions, signed deliveries from an outbox, retries.
 */
@AutoConfiguration(after = ActionAutoConfiguration.class)
@EnableConfigurationProperties(WebhookProperties.class)
@Import(WebhookConfiguration.class)
public class WebhookAutoConfiguration {

}
