package dev.camundahil.selfcheck;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of the links, {@code hilLinks}, where the application has the Actuator: {@code WARNING} when they do
 * not reach this application. Spring Boot's aggregation leaves a status outside its order out, so a wrong public
 * address shows without failing the application's health: a node taken out of service for links that go through
 * its own load balancer would never see them reach it again. For the same reason it is not part of {@code hil}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class LinksHealthConfiguration {

	static final Status WARNING = new Status("WARNING", "links do not reach this application");

	@Bean
	@ConditionalOnMissingBean(name = "hilLinksHealthIndicator")
	HealthIndicator hilLinksHealthIndicator(LinkReachCheck check) {
		return () -> {
			LinkReachCheck.Result last = check.last();
			if (last == null) {
				return Health.unknown().withDetail("reason", "not checked yet").build();
			}
			Health.Builder health = last.reaches() ? Health.up()
					: Health.status(WARNING)
						.withDetail("problem", last.problem())
						.withDetail("fix", "set hil.links.base-url to the address people reach this application at");
			return health.withDetail("url", last.url().replaceFirst("\\?.*", ""))
				.withDetail("checkedAt", last.checkedAt().toString())
				.build();
		};
	}

}
