package dev.camundahil.mail.oauth2;

import java.util.Map;

import dev.camundahil.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hil.mail.provider}: defaults for the side whose mailbox user is set, below every setting of the
 * application's own.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailProviderDefaultsTest {

	@Test
	void withoutAProviderNothingIsAdded() {
		StandardEnvironment environment = environment(Map.of("spring.mail.username", "hil@company.test"));
		int sources = environment.getPropertySources().size();

		new MailProviderDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
		assertThat(environment.getProperty("spring.mail.host")).isNull();
	}

	@Test
	void microsoft365FillsTheServersAndScopeOfBothMailboxes() {
		StandardEnvironment environment = environment(Map.of("hil.mail.provider", "microsoft365",
				"spring.mail.username", "hil@company.test", "hil.mail.inbound.username", "replies@company.test"));

		new MailProviderDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.office365.com");
		assertThat(environment.getProperty("spring.mail.port")).isEqualTo("587");
		assertThat(environment.getProperty("spring.mail.properties.mail.smtp.starttls.required")).isEqualTo("true");
		assertThat(environment.getProperty("hil.mail.oauth2.scope")).isEqualTo("https://outlook.office365.com/.default");
		assertThat(environment.getProperty("hil.mail.oauth2.token-uri")).as("the tenant's, which only the app knows")
			.isNull();
		assertThat(environment.getProperty("hil.mail.oauth2.client-authentication")).isEqualTo("post");
		assertThat(environment.getProperty("hil.mail.inbound.host")).isEqualTo("outlook.office365.com");
		assertThat(environment.getProperty("hil.mail.inbound.protocol")).isEqualTo("imaps");
		assertThat(environment.getProperty("hil.mail.inbound.port")).isEqualTo("993");
	}

	@Test
	void googleFillsOnlyTheMailboxWhoseUserIsSetAndTheApplicationsOwnSettingsWin() {
		StandardEnvironment environment = environment(Map.of("hil.mail.provider", "Google",
				"hil.mail.inbound.username", "replies@company.test", "hil.mail.inbound.port", "1993"));

		new MailProviderDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("hil.mail.inbound.host")).isEqualTo("imap.gmail.com");
		assertThat(environment.getProperty("hil.mail.inbound.port")).isEqualTo("1993");
		assertThat(environment.getProperty("hil.mail.inbound.oauth2.token-uri"))
			.isEqualTo("https://oauth2.googleapis.com/token");
		assertThat(environment.getProperty("hil.mail.inbound.oauth2.grant-type")).isEqualTo("refresh_token");
		assertThat(environment.getProperty("spring.mail.host")).as("no sending user, so no sending defaults").isNull();
		assertThat(environment.getProperty("hil.mail.oauth2.token-uri")).isNull();
	}

	@Test
	void anUnknownProviderStopsTheStart() {
		StandardEnvironment environment = environment(Map.of("hil.mail.provider", "yahoo"));

		assertThatThrownBy(() -> new MailProviderDefaults().postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOfSatisfying(InvalidSettingException.class,
					(ex) -> assertThat(ex.getProperty()).isEqualTo("hil.mail.provider"));
	}

	@Test
	void anApplicationStartsWithTheDefaultsAndAnUnknownProviderIsReportedAsASetting(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--hil.mail.provider=google",
				"--spring.mail.username=hil@company.test")) {
			assertThat(context.getEnvironment().getProperty("spring.mail.host")).isEqualTo("smtp.gmail.com");
		}

		assertThatThrownBy(() -> application.run("--hil.mail.provider=yahoo"))
			.isInstanceOf(InvalidSettingException.class);
		assertThat(output).contains("The setting 'hil.mail.provider' is not a provider the plugin knows.");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	private static StandardEnvironment environment(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", settings));
		return environment;
	}

}
