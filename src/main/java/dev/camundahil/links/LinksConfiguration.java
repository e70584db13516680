package dev.camundahil.links;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import dev.camundahil.config.HilProperties;
import dev.camundahil.config.InvalidSettingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signed tokens for the pages people open from emails and for the chat page.
 */
@Configuration(proxyBeanMethods = false)
public class LinksConfiguration {

	/** The shortest {@code hil.links.secret} accepted, in characters, as its documentation says. */
	static final int MIN_SECRET_LENGTH = 16;

	private static final Logger log = LoggerFactory.getLogger(LinksConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SignedTokens hilSignedTokens(HilProperties properties) {
		String secret = properties.getLinks().getSecret();
		if (secret == null || secret.isBlank()) {
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			log.warn("hil.links.secret is not set: links in emails and chat pages are signed with a random key "
					+ "and stop working when the application restarts; set hil.links.secret to keep them valid");
			return new SignedTokens(generated, Clock.systemUTC());
		}
		int length = secret.codePointCount(0, secret.length());
		if (length < MIN_SECRET_LENGTH) {
			throw new InvalidSettingException("hil.links.secret",
					"is " + length + " characters long; it must have at least " + MIN_SECRET_LENGTH,
					"Set hil.links.secret to a random text of at least " + MIN_SECRET_LENGTH + " characters, the same "
							+ "on every node (for example the output of 'openssl rand -base64 32'), or leave it empty "
							+ "to sign links with a random key that changes at every start");
		}
		return new SignedTokens(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
	}

}
