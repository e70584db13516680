package dev.camundahil.selfcheck;

import dev.camundahil.action.ActionAutoConfiguration;
import dev.camundahil.action.ActionService;
import dev.camundahil.links.LinksAutoConfiguration;
import dev.camundahil.links.LinksProperties;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The self-checks: links that reach this application (web applications, unless
 * {@code hil.self-checks.links.enabled} is false), and waits that lost their other half (unless
 * {@code hil.self-checks.waits.enabled} is false). Both run as recurring work, so once across the nodes; the link
 * check also runs on every node at start.
 * Ordered last rather than after the engine's auto-configuration, whose class is named differently on each engine.
 */
@AutoConfiguration(after = { ActionAutoConfiguration.class, LinksAutoConfiguration.class })
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@EnableConfigurationProperties(SelfCheckProperties.class)
public class SelfCheckAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SelfCheckAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(SignedTokens.class)
	@ConditionalOnProperty(prefix = SelfCheckProperties.PREFIX, name = "links.enabled", matchIfMissing = true)
	@Import({ LinkPingController.class, LinksHealthConfiguration.class })
	static class LinksCheckConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LinkReachCheck hilLinkReachCheck(LinksProperties links, SignedTokens tokens, SelfCheckProperties properties) {
			return new LinkReachCheck(links.getBaseUrl(), tokens, properties.getLinks().getInterval(),
					properties.getLinks().getTimeout());
		}

		/** The check at start, off the start-up thread: the address may take its time to answer, or none. */
		@Bean
		ApplicationListener<ApplicationReadyEvent> hilLinkCheckAtStart(LinkReachCheck check) {
			return (event) -> {
				Thread thread = new Thread(() -> {
					try {
						check.check();
					}
					catch (RuntimeException ex) {
						log.warn("The check whether links reach this application failed", ex);
					}
				}, "hil-link-check");
				thread.setDaemon(true);
				thread.start();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ ProcessEngine.class, ActionService.class })
	@ConditionalOnProperty(prefix = SelfCheckProperties.PREFIX, name = "waits.enabled", matchIfMissing = true)
	static class WaitsCheckConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LostWaits hilLostWaits(ActionService actions, ProcessEngine engine, PlatformTransactionManager transactions,
				SelfCheckProperties properties) {
			return new LostWaits(actions, engine, new TransactionTemplate(transactions), properties.getWaits());
		}

	}

}
