package dev.camundahil.i18n;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The HIL message bundles and the texts read from them. The message source is HIL's own ({@code hilMessages}, not
 * a default candidate for injection), so the application's {@code messageSource} and its injection stay as they
 * were.
 */
@AutoConfiguration
@EnableConfigurationProperties(LanguageProperties.class)
public class I18nAutoConfiguration {

	/** The bean name of HIL's message source. */
	public static final String MESSAGES = "hilMessages";

	/** The bundles under {@code hil/i18n/}, each with {@code _de}, {@code _fr} and {@code _es} beside it. */
	static final List<String> BASENAMES = List.of("hil/i18n/messages", "hil/i18n/people");

	@Bean(name = MESSAGES, defaultCandidate = false)
	@ConditionalOnMissingBean(name = MESSAGES)
	MessageSource hilMessages() {
		return messageSource();
	}

	static MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(BASENAMES.toArray(String[]::new));
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		// a language without a bundle reads the English base bundle, never the server's own language
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Bean
	@ConditionalOnMissingBean
	HilTexts hilTexts(@Qualifier(MESSAGES) MessageSource messages, LanguageProperties properties) {
		return new HilTexts(messages, properties.locale(), properties.timeZone());
	}

}
