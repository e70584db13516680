package dev.camundahil.webhook;

import dev.camundahil.schema.HilDatabase;
import dev.camundahil.web.HilJson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks: subscriptions, signed deliveries from an outbox, retries.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SecretBox hilWebhookSecretBox(WebhookProperties properties) {
		if (!properties.hasEncryptionKey()) {
			log.warn("hil.webhooks.encryption-key is not set: webhook secrets are encrypted with a random key, and "
					+ "webhooks created now cannot sign deliveries after a restart; set hil.webhooks.encryption-key "
					+ "(the same on every node) to keep them");
			return SecretBox.withRandomKey();
		}
		return SecretBox.fromConfiguredKey(properties.getEncryptionKey());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookAddressPolicy hilWebhookAddressPolicy(WebhookProperties properties) {
		return new WebhookAddressPolicy(properties.getAllowedHosts());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookDeliveries hilWebhookDeliveries(JdbcTemplate jdbc, HilDatabase database) {
		return WebhookDeliveries.of(jdbc, database);
	}

	@Bean
	@ConditionalOnMissingBean
	ActiveWebhooks hilActiveWebhooks(WebhookDeliveries deliveries, WebhookProperties properties) {
		return new ActiveWebhooks(deliveries, properties.getCacheTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookDeliveryWorker hilWebhookDeliveryWorker(WebhookDeliveries deliveries, WebhookAddressPolicy addressPolicy,
			SecretBox secrets, ActiveWebhooks activeWebhooks, WebhookProperties settings) {
		WebhookSender sender = new WebhookSender(addressPolicy, settings.getTimeout(),
				settings.getThreads() + settings.getTrialThreads());
		return new WebhookDeliveryWorker(deliveries, sender, secrets, settings.deliveryRetryPolicy(), activeWebhooks,
				new WebhookDeliveryWorker.Settings(settings.getTimeout(), settings.getInterval(),
						settings.getBatchSize(), settings.getThreads(), settings.getTrialThreads(),
						settings.getPerWebhookConcurrency(), settings.getEndpointBackoff(),
						settings.getMaxEndpointBackoff()));
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookStatus hilWebhookStatus(WebhookDeliveries deliveries, WebhookDeliveryWorker worker) {
		return new WebhookStatus(deliveries, worker);
	}

	@Bean
	@ConditionalOnMissingBean
	EndedDeliveryCleanup hilEndedWebhookDeliveryCleanup(WebhookDeliveries deliveries, WebhookProperties properties) {
		return new EndedDeliveryCleanup(deliveries, properties.getDeliveryRetention());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookOutbox hilWebhookOutbox(ActiveWebhooks activeWebhooks, WebhookDeliveries deliveries,
			WebhookDeliveryWorker worker, WebhookProperties properties) {
		// the plugin's JSON, not the application's: receivers rely on the documented payload
		return new WebhookOutbox(activeWebhooks, deliveries, worker, properties.firstDeliveryDelay(),
				HilJson.mapper());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookSubscriptions hilWebhookSubscriptions(ActionWebhookRepository webhooks, WebhookDeliveries deliveries,
			WebhookAddressPolicy addressPolicy, SecretBox secrets, ActiveWebhooks activeWebhooks,
			PlatformTransactionManager transactionManager) {
		return new WebhookSubscriptions(webhooks, deliveries, addressPolicy, secrets, activeWebhooks,
				new TransactionTemplate(transactionManager));
	}

	/** The webhooks API, in web applications only. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(WebhookController.class)
	static class WebhookApiConfiguration {

	}

}
