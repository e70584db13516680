package dev.camundahil.mail.oauth2;

import java.time.Clock;
import java.util.Properties;

import dev.camundahil.InvalidSettingException;
import dev.camundahil.reply.MailboxLogin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * OAuth2 logins to company mailboxes: a mail sender that logs in with an access token when {@code hil.mail.oauth2}
 * asks for it (in place of Spring Boot's, so it comes first), and a {@link MailboxLogin} for the reply mailbox when
 * {@code hil.mail.inbound.oauth2} does. The tokens come from Spring Security's OAuth2 client, which the application
 * must have: settings that ask for OAuth2 without it stop the start.
 */
@AutoConfiguration(before = MailSenderAutoConfiguration.class)
@EnableConfigurationProperties
@Import({ MailOAuth2AutoConfiguration.Sending.class, MailOAuth2AutoConfiguration.Reading.class,
		MailOAuth2AutoConfiguration.WithoutOAuth2Client.class })
public class MailOAuth2AutoConfiguration {

	static final String SENDING = "hil.mail.oauth2";

	static final String READING = "hil.mail.inbound.oauth2";

	static final String SENDING_USER = "spring.mail.username";

	static final String READING_USER = "hil.mail.inbound.username";

	private static final String OAUTH2_CLIENT = "org.springframework.security.oauth2.client.registration.ClientRegistration";

	@Bean
	@ConfigurationProperties(prefix = SENDING)
	MailOAuth2Properties hilMailOAuth2Properties() {
		return new MailOAuth2Properties();
	}

	@Bean
	@ConfigurationProperties(prefix = READING)
	MailOAuth2Properties hilInboundMailOAuth2Properties() {
		return new MailOAuth2Properties();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = OAUTH2_CLIENT)
	@Conditional(SendingAsksForOAuth2.class)
	@EnableConfigurationProperties(MailProperties.class)
	static class Sending {

		/** Spring Boot's sender from {@code spring.mail.*}, logging in with XOAUTH2. */
		@Bean
		@ConditionalOnMissingBean(MailSender.class)
		JavaMailSenderImpl mailSender(MailProperties mail,
				@Qualifier("hilMailOAuth2Properties") MailOAuth2Properties oauth2, ObjectProvider<SslBundles> ssl,
				Environment environment) {
			if (!MailOAuth2Properties.hasText(mail.getHost())) {
				throw new InvalidSettingException("spring.mail.host", "is not set, and " + SENDING
						+ " asks for an OAuth2 login to it", "Set it to the SMTP server, or set hil.mail.provider");
			}
			MailOAuth2Check.check(SENDING, oauth2, SENDING_USER, mail.getUsername(),
					MailProviderDefaults.provider(environment.getProperty(MailProviderDefaults.PROPERTY)));
			OAuth2MailSender sender = new OAuth2MailSender(
					new AccessTokens(SENDING, oauth2, TokenEndpoint.of(oauth2), Clock.systemUTC()));
			apply(mail, sender, ssl);
			return sender;
		}

		/** What Spring Boot's own sender takes from {@code spring.mail.*}, and the XOAUTH2 mechanism. */
		private static void apply(MailProperties mail, JavaMailSenderImpl sender, ObjectProvider<SslBundles> ssl) {
			sender.setHost(mail.getHost());
			if (mail.getPort() != null) {
				sender.setPort(mail.getPort());
			}
			sender.setUsername(mail.getUsername());
			sender.setProtocol(mail.getProtocol());
			if (mail.getDefaultEncoding() != null) {
				sender.setDefaultEncoding(mail.getDefaultEncoding().name());
			}
			String protocol = (mail.getProtocol() != null) ? mail.getProtocol() : JavaMailSenderImpl.DEFAULT_PROTOCOL;
			Properties session = new Properties();
			session.putAll(mail.getProperties());
			if (mail.getSsl().isEnabled()) {
				session.setProperty("mail." + protocol + ".ssl.enable", "true");
			}
			if (mail.getSsl().getBundle() != null) {
				SslBundle bundle = ssl.getObject().getBundle(mail.getSsl().getBundle());
				session.put("mail." + protocol + ".ssl.socketFactory", bundle.createSslContext().getSocketFactory());
			}
			XOAuth2.configure(session, protocol);
			sender.setJavaMailProperties(session);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = OAUTH2_CLIENT)
	@Conditional(ReadingAsksForOAuth2.class)
	static class Reading {

		@Bean
		@ConditionalOnMissingBean(MailboxLogin.class)
		MailboxLogin hilMailboxLogin(@Qualifier("hilInboundMailOAuth2Properties") MailOAuth2Properties oauth2,
				Environment environment) {
			MailOAuth2Check.check(READING, oauth2, READING_USER, environment.getProperty(READING_USER),
					MailProviderDefaults.provider(environment.getProperty(MailProviderDefaults.PROPERTY)));
			return new OAuth2MailboxLogin(new AccessTokens(READING, oauth2, TokenEndpoint.of(oauth2), Clock.systemUTC()));
		}

	}

	/** Settings that ask for OAuth2 in an application without Spring Security's OAuth2 client. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(OAUTH2_CLIENT)
	static class WithoutOAuth2Client {

		@Bean
		@Conditional(SendingAsksForOAuth2.class)
		Object hilMailOAuth2ClientMissing() {
			throw missing(SENDING);
		}

		@Bean
		@Conditional(ReadingAsksForOAuth2.class)
		Object hilInboundMailOAuth2ClientMissing() {
			throw missing(READING);
		}

		private static InvalidSettingException missing(String prefix) {
			return new InvalidSettingException(prefix, "asks for OAuth2 logins, but Spring Security's OAuth2 client is "
					+ "not on the class path", "Add org.springframework.security:spring-security-oauth2-client to "
							+ "the application, or remove the " + prefix + ".* settings and hil.mail.provider");
		}

	}

	/**
	 * Whether a mailbox's settings ask for OAuth2: its token endpoint or client id is set, or a provider is set
	 * together with the mailbox user.
	 */
	abstract static class AsksForOAuth2 extends SpringBootCondition {

		private final String prefix;

		private final String userSetting;

		AsksForOAuth2(String prefix, String userSetting) {
			this.prefix = prefix;
			this.userSetting = userSetting;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			if (MailOAuth2Properties.hasText(environment.getProperty(this.prefix + ".token-uri"))
					|| MailOAuth2Properties.hasText(environment.getProperty(this.prefix + ".client-id"))) {
				return ConditionOutcome.match(this.prefix + " is set");
			}
			if (MailOAuth2Properties.hasText(environment.getProperty(MailProviderDefaults.PROPERTY))
					&& MailOAuth2Properties.hasText(environment.getProperty(this.userSetting))) {
				return ConditionOutcome.match(MailProviderDefaults.PROPERTY + " and " + this.userSetting + " are set");
			}
			return ConditionOutcome.noMatch("neither " + this.prefix + ".token-uri nor " + this.prefix
					+ ".client-id is set, nor " + MailProviderDefaults.PROPERTY + " with " + this.userSetting);
		}

	}

	static final class SendingAsksForOAuth2 extends AsksForOAuth2 {

		SendingAsksForOAuth2() {
			super(SENDING, SENDING_USER);
		}

	}

	static final class ReadingAsksForOAuth2 extends AsksForOAuth2 {

		ReadingAsksForOAuth2() {
			super(READING, READING_USER);
		}

	}

}
