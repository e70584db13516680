package dev.camundahil.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import dev.camundahil.InvalidSettingException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HIL's message source is its own: a host's {@code messageSource} stays the one injected by type, the bundles read
 * in every language they have, and a malformed default language or time zone stops the start naming the setting.
 */
class I18nAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(I18nAutoConfiguration.class));

	@Test
	void theHostsMessageSourceStaysTheOneInjected() {
		this.contexts.withUserConfiguration(HostMessages.class).run((context) -> {
			assertThat(context).hasBean(I18nAutoConfiguration.MESSAGES).hasSingleBean(HilTexts.class);
			assertThat(context.getBeanProvider(MessageSource.class).getIfUnique()).isSameAs(context.getBean("messageSource"));
		});
	}

	@Test
	void theBundlesSpeakFourLanguagesAndOthersReadEnglish() {
		this.contexts.run((context) -> {
			HilTexts texts = context.getBean(HilTexts.class);
			assertThat(texts.get("respond.confirm", Locale.ENGLISH)).isEqualTo("Confirm");
			assertThat(texts.get("respond.confirm", Locale.GERMAN)).isEqualTo("Bestätigen");
			assertThat(texts.get("respond.confirm", Locale.FRENCH)).isEqualTo("Confirmer");
			assertThat(texts.get("respond.confirm", Locale.forLanguageTag("es"))).isEqualTo("Confirmar");
			assertThat(texts.get("respond.confirm", Locale.forLanguageTag("it"))).isEqualTo("Confirm");
			assertThat(texts.outcome("completed", "Rejeter", "ann@example.com", Instant.parse("2026-12-05T09:02:00Z"),
					Locale.FRENCH, ZoneId.of("Europe/Paris")))
				.startsWith("Réponse « Rejeter » donnée par ann@example.com le 5 déc. 2026")
				.contains("10:02");
		});
	}

	@Test
	void everyBundleHasEveryTextInEveryLanguage() throws IOException {
		for (String basename : I18nAutoConfiguration.BASENAMES) {
			Set<String> english = keys(basename + ".properties");
			assertThat(english).as(basename).isNotEmpty();
			for (Locale language : HilTexts.LANGUAGES.subList(1, HilTexts.LANGUAGES.size())) {
				assertThat(keys(basename + "_" + language.getLanguage() + ".properties")).as(basename + " in " + language)
					.containsAll(english);
			}
		}
	}

	@Test
	void theOutcomeLinesOfThePeoplePagesAreWrittenForTheLanguageAndZone() {
		HilTexts texts = HilTexts.defaults();
		Instant at = Instant.parse("2026-12-05T10:02:00Z");
		assertThat(texts.get("people.outcome.answered", Locale.ENGLISH, "Approve", "ann@example.com",
				texts.shortDateTime(at, Locale.ENGLISH, ZoneId.of("UTC")), "email link"))
			.isEqualTo("Answered Approve by ann@example.com on 5 Dec 2026, 10:02 (email link)");
		assertThat(texts.get("people.outcome.answered", Locale.GERMAN, "Freigeben", "ann@example.com",
				texts.shortDateTime(at, Locale.GERMAN, ZoneId.of("Europe/Berlin")), "E-Mail-Link"))
			.isEqualTo("Beantwortet mit Freigeben von ann@example.com am 5. Dez. 2026, 11:02 (E-Mail-Link)");
	}

	private static Set<String> keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nAutoConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties.stringPropertyNames();
	}

	@Test
	void theReadersLanguageIsTheTasksElseTheBrowsersElseTheDefault() {
		this.contexts.withPropertyValues("hil.default-locale=fr", "hil.default-time-zone=Europe/Paris").run((context) -> {
			HilTexts texts = context.getBean(HilTexts.class);
			assertThat(texts.locale("de", "es")).isEqualTo(Locale.GERMAN);
			assertThat(texts.locale(null, "es-MX,es;q=0.9,en;q=0.5")).isEqualTo(Locale.forLanguageTag("es"));
			assertThat(texts.locale(null, "ja")).isEqualTo(Locale.FRENCH);
			assertThat(texts.locale(null, null)).isEqualTo(Locale.FRENCH);
			assertThat(texts.timeZone(null)).isEqualTo(ZoneId.of("Europe/Paris"));
		});
	}

	@Test
	void aMalformedDefaultStopsTheStartAndNamesTheSetting() {
		this.contexts.withPropertyValues("hil.default-locale=not a language").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("hil.default-locale");
		});
		this.contexts.withPropertyValues("hil.default-time-zone=Mars/Olympus").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("hil.default-time-zone");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostMessages {

		@Bean
		MessageSource messageSource() {
			return new StaticMessageSource();
		}

	}

}
