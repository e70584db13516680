package dev.camundahil.webhook;

import org.springframework.context.annotation.Configuration;

/**
 * Webhooks: subscriptions, signed deliveries from an outbox, retries.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

}
