package dev.camundahil.i18n;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The language and time zone of emails, pages and reply messages whose HIL task names none, directly under the
 * {@code hil} prefix.
 */
@ConfigurationProperties(prefix = LanguageProperties.PREFIX)
public class LanguageProperties implements InitializingBean {

	public static final String PREFIX = "hil";

	/** Language (a BCP 47 tag such as en, de or fr-CH) of tasks that name no locale. */
	private String defaultLocale = "en";

	/** Time zone (such as UTC or Europe/Berlin) in which dates are written for tasks that name none. */
	private String defaultTimeZone = "UTC";

	public String getDefaultLocale() {
		return this.defaultLocale;
	}

	public void setDefaultLocale(String defaultLocale) {
		this.defaultLocale = defaultLocale;
	}

	public String getDefaultTimeZone() {
		return this.defaultTimeZone;
	}

	public void setDefaultTimeZone(String defaultTimeZone) {
		this.defaultTimeZone = defaultTimeZone;
	}

	/** The default language; call after binding. */
	public Locale locale() {
		return new Locale.Builder().setLanguageTag(this.defaultLocale.strip().replace('_', '-')).build();
	}

	/** The default time zone; call after binding. */
	public ZoneId timeZone() {
		return ZoneId.of(this.defaultTimeZone.strip());
	}

	@Override
	public void afterPropertiesSet() {
		try {
			if (this.defaultLocale == null || locale().getLanguage().isEmpty()) {
				throw new IllformedLocaleException("no language");
			}
		}
		catch (IllformedLocaleException ex) {
			throw new InvalidSettingException(PREFIX + ".default-locale", "is not a BCP 47 language tag",
					"Set " + PREFIX + ".default-locale to a language such as en, de, fr or es");
		}
		try {
			if (this.defaultTimeZone == null) {
				throw new DateTimeException("none");
			}
			timeZone();
		}
		catch (DateTimeException ex) {
			throw new InvalidSettingException(PREFIX + ".default-time-zone", "is not a time zone",
					"Set " + PREFIX + ".default-time-zone to a zone id such as UTC or Europe/Berlin");
		}
	}

}
