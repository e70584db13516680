package dev.camundahil.links;

import java.time.Clock;

import dev.camundahil.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hil.links.secret}: a random key when it is empty, and no start with one shorter than its documented 16
 * characters; a host's own {@link SignedTokens} replace the plugin's.
 */
@ExtendWith(OutputCaptureExtension.class)
class LinksAutoConfigurationTest {

	/** Ten characters, twenty bytes: long enough for HMAC's key, too short for the setting. */
	private static final String TEN_WIDE_CHARACTERS = "ääääääääää";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinksAutoConfiguration.class));

	@Test
	void aSecretShorterThanSixteenCharactersStopsTheStartAndSaysWhatToSet() {
		for (String secret : new String[] { "fifteen-chars!!", TEN_WIDE_CHARACTERS }) {
			this.contexts.withPropertyValues("hil.links.secret=" + secret).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidSettingException.class)
					.hasMessageContaining("hil.links.secret is " + secret.length() + " characters long")
					.hasMessageContaining("at least 16")
					.hasMessageNotContaining(secret);
			});
		}
	}

	@Test
	void sixteenCharactersOrNoneStart() {
		this.contexts.withPropertyValues("hil.links.secret=sixteen-chars!!!")
			.run((context) -> assertThat(context).hasSingleBean(SignedTokens.class));
		this.contexts.run((context) -> assertThat(context).hasSingleBean(SignedTokens.class));
	}

	@Test
	void previousSecretsVerifyOldLinksAndAreCheckedLikeTheSecret() {
		String old = "the-key-before-the-rotation";
		this.contexts.withPropertyValues("hil.links.secret=sixteen-chars!!!", "hil.links.previous-secrets=" + old)
			.run((context) -> {
				String before = new SignedTokens(old.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						Clock.systemUTC())
					.issue("respond", "action-1", java.time.Instant.now().plusSeconds(60));
				assertThat(context.getBean(SignedTokens.class).verify(before, "respond", "action-1"))
					.isEqualTo(SignedTokens.Verdict.VALID);
			});
		this.contexts.withPropertyValues("hil.links.secret=sixteen-chars!!!", "hil.links.previous-secrets=short")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("hil.links.previous-secrets[0] is 5 characters long")
				.hasMessageNotContaining("short."));
		this.contexts.withPropertyValues("hil.links.previous-secrets=" + old)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hil.links.previous-secrets is set while hil.links.secret is empty"));
	}

	@Test
	void theStartUpFailureReportNamesTheSettingAndWhatToSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(LinksAutoConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);

		assertThatThrownBy(() -> application.run("--hil.links.secret=" + TEN_WIDE_CHARACTERS)).isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The setting 'hil.links.secret' is 10 characters long; it must have at least 16.")
			.contains("Set hil.links.secret to a random text of at least 16 characters")
			.doesNotContain(TEN_WIDE_CHARACTERS);
	}

	@Test
	void aSignedTokensBeanOfTheHostReplacesThePlugins() {
		this.contexts.withUserConfiguration(HostTokens.class).run((context) -> {
			assertThat(context).hasSingleBean(SignedTokens.class);
			assertThat(context).getBean(SignedTokens.class).isSameAs(context.getBean(HostTokens.class).tokens);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostTokens {

		final SignedTokens tokens = new SignedTokens(new byte[32], Clock.systemUTC());

		@Bean
		SignedTokens hostTokens() {
			return this.tokens;
		}

	}

}
