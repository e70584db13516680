package dev.camundahil.channel.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.messageresolver.IMessageResolver;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of the response page, from the bundle {@code hil/i18n/people}: read by the page's template as
 * {@code #{key(...)}}, and by the page itself for the parts it fills in. A message source of the plugin's own, not a
 * {@code MessageSource} bean, so the application's own {@code messageSource} stays the only one it injects.
 */
public final class PeopleMessages {

	static final String BASENAME = "hil/i18n/people";

	/** Dates as people read them, such as "5 Dec 2026, 10:02", in UTC. */
	private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

	public PeopleMessages() {
		this.source.setBasename(BASENAME);
		this.source.setDefaultEncoding("UTF-8");
		this.source.setFallbackToSystemLocale(false);
	}

	/** The text of a key with its arguments filled in. */
	public String get(String key, Object... arguments) {
		return this.source.getMessage(key, arguments, Locale.ENGLISH);
	}

	/** A date as the pages show it. */
	public String date(Instant instant) {
		return (instant != null) ? DATES.format(instant) : "";
	}

	/** How a page names the channel an answer came from ("email link"); an unknown one by its own name. */
	public String channel(String channel) {
		if (channel == null) {
			return "";
		}
		try {
			return get("people.channel." + channel);
		}
		catch (NoSuchMessageException ex) {
			return channel;
		}
	}

	/** Lets templates read the bundle with {@code #{...}}. */
	IMessageResolver templateResolver() {
		return new AbstractMessageResolver() {

			@Override
			public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
					Object[] messageParameters) {
				return PeopleMessages.this.source.getMessage(key, messageParameters, null, Locale.ENGLISH);
			}

			@Override
			public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
					Object[] messageParameters) {
				return "??" + key + "??";
			}

		};
	}

}
