package dev.camundahil.i18n;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.thymeleaf.messageresolver.IMessageResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * The texts people read, from the {@code hilMessages} bundles, in a reader's language, and dates written for their
 * language and time zone. A task's {@code locale} and {@code timeZone} win; without them the settings
 * {@code hil.default-locale} and {@code hil.default-time-zone} (or, where a page knows it, the browser's language).
 */
public class HilTexts {

	/** The languages the bundles are written in; any other falls back to the default bundle (English). */
	public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
			Locale.forLanguageTag("es"));

	private final MessageSource messages;

	private final Locale defaultLocale;

	private final ZoneId defaultTimeZone;

	public HilTexts(MessageSource messages, Locale defaultLocale, ZoneId defaultTimeZone) {
		this.messages = messages;
		this.defaultLocale = defaultLocale;
		this.defaultTimeZone = defaultTimeZone;
	}

	/** The bundles in English and UTC, for a feature used in a context without {@link I18nAutoConfiguration}. */
	public static HilTexts defaults() {
		return new HilTexts(I18nAutoConfiguration.messageSource(), Locale.ENGLISH, ZoneId.of("UTC"));
	}

	/** The language a task named (a BCP 47 tag), else the default. */
	public Locale locale(String tag) {
		return (tag != null && !tag.isBlank()) ? Locale.forLanguageTag(tag) : this.defaultLocale;
	}

	/** The language a task named, else the best of the browser's ({@code Accept-Language}), else the default. */
	public Locale locale(String tag, String acceptLanguage) {
		if (tag != null && !tag.isBlank()) {
			return Locale.forLanguageTag(tag);
		}
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
				if (best != null) {
					return best;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header is no preference
			}
		}
		return this.defaultLocale;
	}

	/** The time zone a task named, else the default. */
	public ZoneId timeZone(String id) {
		if (id != null && !id.isBlank()) {
			try {
				return ZoneId.of(id);
			}
			catch (DateTimeException ex) {
				// checked when the action opened; a stored zone the runtime no longer knows falls back
			}
		}
		return this.defaultTimeZone;
	}

	/** A text of the bundles, its arguments filled in. */
	public String get(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	/** A text of the bundles, or {@code fallback} when no bundle has it (an override's own key). */
	public String getOrElse(String code, Locale locale, String fallback, Object... args) {
		try {
			return get(code, locale, args);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

	/** A date and time as a reader of that language reads it, in that time zone: "5 Dec 2026, 10:02 CET". */
	public String dateTime(Instant instant, Locale locale, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		DateTimeFormatter format = new DateTimeFormatterBuilder()
			.appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.appendLiteral(' ')
			.appendZoneText(TextStyle.SHORT)
			.toFormatter(locale)
			.withZone(zone);
		return format.format(instant);
	}

	/**
	 * A date and time as the outcome lines of the response page write it, without the zone (the page names it once):
	 * "5 Dec 2026, 10:02". The pattern is the bundles' {@code people.date-format} for the language.
	 */
	public String shortDateTime(Instant instant, Locale locale, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		String pattern = getOrElse("people.date-format", locale, "d MMM yyyy, HH:mm");
		return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(instant);
	}

	/**
	 * How a question ended, as one line: "Answered "Approve" by ann@example.com on 5 Dec 2026, 10:02 UTC.",
	 * "Expired on …", "Withdrawn on …".
	 * @param status {@code completed}, {@code expired} or {@code cancelled}
	 * @param answer the recorded answer, for {@code completed}
	 * @param respondedBy who gave it (may be null)
	 * @param at when it was answered or ended
	 */
	public String outcome(String status, String answer, String respondedBy, Instant at, Locale locale, ZoneId zone) {
		String when = dateTime(at, locale, zone);
		return switch (status) {
			case "completed" -> (respondedBy != null && !respondedBy.isBlank())
					? get("outcome.answered", locale, answer, respondedBy, when)
					: get("outcome.answered-anonymous", locale, answer, null, when);
			case "expired" -> get("outcome.expired", locale, when);
			case "cancelled" -> get("outcome.cancelled", locale, when);
			default -> status;
		};
	}

	/** For Thymeleaf templates: {@code #{...}} reads these bundles in the template's locale. */
	public IMessageResolver templateMessages() {
		return new BundleMessageResolver(this.messages);
	}

	public MessageSource messageSource() {
		return this.messages;
	}

}
