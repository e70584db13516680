package dev.camundahil.links;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signed tokens for the pages people open from emails and for the chat page.
 */
@Configuration(proxyBeanMethods = false)
class LinksConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LinksConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SignedTokens hilSignedTokens(LinksProperties properties) {
		if (!properties.hasSecret()) {
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			log.warn("hil.links.secret is not set: links in emails and chat pages are signed with a random key "
					+ "and stop working when the application restarts; set hil.links.secret to keep them valid");
			return new SignedTokens(generated, Clock.systemUTC());
		}
		List<byte[]> previous = properties.getPreviousSecrets()
			.stream()
			.map((secret) -> secret.getBytes(StandardCharsets.UTF_8))
			.toList();
		return new SignedTokens(properties.getSecret().getBytes(StandardCharsets.UTF_8), previous, Clock.systemUTC());
	}

}
