package dev.camundahil.selfcheck;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of the links, {@code hilLinks}, where the application has the Actuator. It is a contributor of its own,
 * outside {@code hil}: readiness may include {@code hil}, and a node taken out of the load balancer for links that
 * go through that load balancer would never see them reach it again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class LinksHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hilLinksHealthIndicator")
	HealthIndicator hilLinksHealthIndicator(LinkReachCheck check) {
		return () -> {
			LinkReachCheck.Result last = check.last();
			if (last == null) {
				return Health.unknown().withDetail("reason", "not checked yet").build();
			}
			Health.Builder health = last.reaches() ? Health.up()
					: Health.down()
						.withDetail("problem", last.problem())
						.withDetail("fix", "set hil.links.base-url to the address people reach this application at");
			return health.withDetail("url", last.url().replaceFirst("\\?.*", ""))
				.withDetail("checkedAt", last.checkedAt().toString())
				.build();
		};
	}

}
