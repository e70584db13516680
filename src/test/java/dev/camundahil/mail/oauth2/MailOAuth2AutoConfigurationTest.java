package dev.camundahil.mail.oauth2;

import java.util.Properties;

import dev.camundahil.InvalidSettingException;
import dev.camundahil.reply.MailboxLogin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the OAuth2 mail logins are set up, and which settings stop the start instead.
 */
class MailOAuth2AutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailOAuth2AutoConfiguration.class, MailSenderAutoConfiguration.class))
		.withPropertyValues("spring.mail.host=smtp.company.test", "spring.mail.username=hil@company.test");

	private static final String[] SENDING = { "hil.mail.oauth2.token-uri=https://login.example.test/tenant-1/token",
			"hil.mail.oauth2.client-id=hil-app", "hil.mail.oauth2.client-secret=secret" };

	private static final String[] READING = { "hil.mail.inbound.username=replies@company.test",
			"hil.mail.inbound.oauth2.token-uri=https://login.example.test/tenant-1/token",
			"hil.mail.inbound.oauth2.client-id=hil-app", "hil.mail.inbound.oauth2.client-secret=secret" };

	@Test
	void nothingChangesWithoutOAuth2Settings() {
		this.runner.run((context) -> {
			assertThat(context).getBean(JavaMailSender.class).isExactlyInstanceOf(JavaMailSenderImpl.class);
			assertThat(context).doesNotHaveBean(MailboxLogin.class);
		});
	}

	@Test
	void sendingAndReadingEachGetTheirOwnLogin() {
		this.runner.withPropertyValues(SENDING).run((context) -> {
			assertThat(context).getBean(JavaMailSender.class).isInstanceOf(OAuth2MailSender.class);
			assertThat(context).doesNotHaveBean(MailboxLogin.class);
		});
		this.runner.withPropertyValues(READING).run((context) -> {
			assertThat(context).getBean(JavaMailSender.class).isExactlyInstanceOf(JavaMailSenderImpl.class);
			assertThat(context).hasSingleBean(MailboxLogin.class);
			Properties session = new Properties();
			context.getBean(MailboxLogin.class).configure(session, "imaps");
			assertThat(session).containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2");
		});
	}

	@Test
	void anApplicationsOwnSenderIsKept() {
		this.runner.withPropertyValues(SENDING)
			.withBean("ownSender", JavaMailSender.class, JavaMailSenderImpl::new)
			.run((context) -> assertThat(context).getBean(JavaMailSender.class)
				.isExactlyInstanceOf(JavaMailSenderImpl.class));
	}

	@Test
	void settingsThatCannotWorkStopTheStartNamingTheSetting() {
		assertRefused(this.runner.withPropertyValues(SENDING).withPropertyValues("hil.mail.oauth2.grant-type=refresh_token"),
				"hil.mail.oauth2.refresh-token");
		assertRefused(this.runner.withPropertyValues(SENDING).withPropertyValues("hil.mail.oauth2.client-secret="),
				"hil.mail.oauth2.client-secret");
		assertRefused(this.runner.withPropertyValues(SENDING).withPropertyValues("spring.mail.username="),
				"spring.mail.username");
		assertRefused(this.runner.withPropertyValues(SENDING).withPropertyValues("hil.mail.oauth2.token-uri=login"),
				"hil.mail.oauth2.token-uri");
		assertRefused(this.runner.withPropertyValues(READING).withPropertyValues("hil.mail.inbound.oauth2.client-id="),
				"hil.mail.inbound.oauth2.client-id");
		// Microsoft 365 grants client_credentials only at the tenant's own endpoint
		assertRefused(this.runner.withPropertyValues("hil.mail.provider=microsoft365"), "hil.mail.oauth2.token-uri");
		assertRefused(this.runner.withPropertyValues(SENDING).withPropertyValues("hil.mail.provider=microsoft365",
				"hil.mail.oauth2.token-uri=https://login.microsoftonline.com/common/oauth2/v2.0/token"),
				"hil.mail.oauth2.token-uri");
		this.runner.withPropertyValues(SENDING).withPropertyValues("hil.mail.provider=microsoft365",
				"hil.mail.oauth2.token-uri=https://login.microsoftonline.com/company.test/oauth2/v2.0/token")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutSpringSecuritysOAuth2ClientSettingsThatAskForItStopTheStart() {
		ApplicationContextRunner withoutClient = this.runner
			.withClassLoader(new FilteredClassLoader(ClientRegistration.class));
		withoutClient.run((context) -> assertThat(context).hasNotFailed()
			.getBean(JavaMailSender.class)
			.isExactlyInstanceOf(JavaMailSenderImpl.class));
		assertRefused(withoutClient.withPropertyValues(SENDING), "hil.mail.oauth2");
		assertRefused(withoutClient.withPropertyValues(READING), "hil.mail.inbound.oauth2");
	}

	private static void assertRefused(ApplicationContextRunner runner, String setting) {
		runner.run((AssertableApplicationContext context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidSettingException.class,
					(ex) -> assertThat(ex.getProperty()).isEqualTo(setting)));
	}

}
