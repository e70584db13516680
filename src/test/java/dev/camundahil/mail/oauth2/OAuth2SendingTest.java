package dev.camundahil.mail.oauth2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail sender of {@code hil.mail.oauth2} against GreenMail's SMTP server, which takes XOAUTH2 logins whose
 * token is the user's password, and a token endpoint on loopback.
 */
class OAuth2SendingTest {

	static final String USER = "hil@company.test";

	static final String SECRET = "client-secret-0123";

	static GreenMail mail;

	TokenServer tokens;

	ApplicationContextRunner runner;

	@BeforeAll
	static void startMail() {
		mail = new GreenMail(ServerSetup.SMTP.dynamicPort());
		mail.start();
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@BeforeEach
	void startTokenServer() throws Exception {
		mail.reset();
		mail.setUser(USER, USER, "token-1");
		this.tokens = new TokenServer("token-1");
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailOAuth2AutoConfiguration.class, MailSenderAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + mail.getSmtp().getPort(),
					"spring.mail.username=" + USER, "hil.mail.oauth2.token-uri=" + this.tokens.uri(),
					"hil.mail.oauth2.client-id=hil-app", "hil.mail.oauth2.client-secret=" + SECRET,
					"hil.mail.oauth2.scope=https://outlook.office365.com/.default");
	}

	@AfterEach
	void stopTokenServer() {
		this.tokens.close();
	}

	@Test
	void aTokenIsAskedForOnceAndKeptForTheNextEmails() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JavaMailSender.class).getBean(JavaMailSender.class)
				.isInstanceOf(OAuth2MailSender.class);
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			// XOAUTH2 only: a server offering PLAIN or LOGIN too must not get the token as a password
			assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties())
				.containsEntry("mail.smtp.auth.mechanisms", "XOAUTH2");
			for (int i = 0; i < 3; i++) {
				sender.send(message(sender, "Email " + i));
			}

			assertThat(mail.getReceivedMessages()).hasSize(3);
			assertThat(this.tokens.requests()).hasSize(1);
			TokenServer.Request request = this.tokens.requests().get(0);
			assertThat(request.form()).containsEntry("grant_type", "client_credentials")
				.containsEntry("scope", "https://outlook.office365.com/.default")
				.doesNotContainKey("client_secret");
			assertThat(request.authorization()).isEqualTo("Basic "
					+ Base64.getEncoder().encodeToString(("hil-app:" + SECRET).getBytes(StandardCharsets.UTF_8)));
		});
	}

	@Test
	void theClientCredentialsCanGoInTheFormBody() {
		this.runner.withPropertyValues("hil.mail.oauth2.client-authentication=post").run((context) -> {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			sender.send(message(sender, "Posted credentials"));

			TokenServer.Request request = this.tokens.requests().get(0);
			assertThat(request.authorization()).isNull();
			assertThat(request.form()).containsEntry("client_id", "hil-app").containsEntry("client_secret", SECRET);
		});
	}

	@Test
	void aRefreshTokenGrantSendsTheRefreshToken() {
		this.runner.withPropertyValues("hil.mail.oauth2.grant-type=refresh_token",
				"hil.mail.oauth2.refresh-token=refresh-1", "hil.mail.oauth2.scope=https://mail.google.com/")
			.run((context) -> {
				JavaMailSender sender = context.getBean(JavaMailSender.class);
				sender.send(message(sender, "With a user's consent"));

				assertThat(mail.getReceivedMessages()).hasSize(1);
				assertThat(this.tokens.requests().get(0).form()).containsEntry("grant_type", "refresh_token")
					.containsEntry("refresh_token", "refresh-1");
			});
	}

	@Test
	void aTokenAboutToExpireIsReplacedBeforeTheNextEmail() {
		// a token that expires within the minute is never kept: a login could outlive it
		this.tokens.expiresIn((int) AccessTokens.EARLY.toSeconds() - 10);
		this.runner.run((context) -> {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			sender.send(message(sender, "First"));
			sender.send(message(sender, "Second"));

			assertThat(mail.getReceivedMessages()).hasSize(2);
			assertThat(this.tokens.requests()).hasSize(2);
		});
	}

	@Test
	void aTokenTheServerRefusesIsReplacedOnceWithinTheSameSend() {
		this.tokens.handOut("revoked-token", "token-1");
		this.runner.run((context) -> {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			sender.send(message(sender, "After a refusal"));

			assertThat(mail.getReceivedMessages()).hasSize(1);
			assertThat(this.tokens.requests()).hasSize(2);
		});
	}

	@Test
	void aSecondRefusalFailsTheSendWithoutAskingAgainAndAgain() {
		this.tokens.handOut("revoked-token");
		this.runner.run((context) -> {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			assertThatThrownBy(() -> sender.send(message(sender, "Never"))).isInstanceOf(MailAuthenticationException.class);

			assertThat(mail.getReceivedMessages()).isEmpty();
			assertThat(this.tokens.requests()).hasSize(2);
		});
	}

	@Test
	void aTokenEndpointThatIsDownFailsTheSendWithItsAddressAndNoSecret() {
		this.tokens.down(true);
		this.runner.run((context) -> {
			JavaMailSender sender = context.getBean(JavaMailSender.class);
			assertThatThrownBy(() -> sender.send(message(sender, "Later"))).isInstanceOf(MailSendException.class)
				.hasMessageContaining("Could not get an OAuth2 access token for hil.mail.oauth2 from " + this.tokens.uri())
				.hasMessageContaining("503")
				.hasMessageNotContaining(SECRET);

			this.tokens.down(false);
			sender.send(message(sender, "Now"));
			assertThat(mail.getReceivedMessages()).hasSize(1);
		});
	}

	@Test
	void withoutOAuth2SettingsSpringBootsOwnSenderStays() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailOAuth2AutoConfiguration.class, MailSenderAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=127.0.0.1")
			.run((context) -> assertThat(context).hasSingleBean(JavaMailSender.class)
				.getBean(JavaMailSender.class)
				.isExactlyInstanceOf(JavaMailSenderImpl.class));
	}

	private static MimeMessage message(JavaMailSender sender, String subject) throws Exception {
		MimeMessage message = sender.createMimeMessage();
		message.setFrom(USER);
		message.setRecipients(MimeMessage.RecipientType.TO, "ann@example.test");
		message.setSubject(subject);
		message.setText("Approve?");
		return message;
	}

}
