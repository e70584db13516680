package dev.camundahil.mail.oauth2;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.camundahil.InvalidSettingException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code hil.mail.provider} ({@code microsoft365} or {@code google}): the provider's servers, ports, TLS, token
 * endpoint, scope and grant as defaults, for sending when {@code spring.mail.username} is set and for reading replies when
 * {@code hil.mail.inbound.username} is set. They come after every other property source, so any setting of the
 * application's own wins; an application that does not set the provider is left as it is.
 */
public class MailProviderDefaults implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "hil.mail.provider";

	static final String MICROSOFT_365 = "microsoft365";

	static final String GOOGLE = "google";

	/** The property source the defaults are in. */
	static final String SOURCE = "hilMailProviderDefaults";

	private static final String MICROSOFT_SCOPE = "https://outlook.office365.com/.default";

	private static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

	private static final String GOOGLE_SCOPE = "https://mail.google.com/";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String provider = provider(environment.getProperty(PROPERTY));
		if (provider == null) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (MailOAuth2Properties.hasText(environment.getProperty("spring.mail.username"))) {
			sending(provider, defaults);
		}
		if (MailOAuth2Properties.hasText(environment.getProperty("hil.mail.inbound.username"))) {
			reading(provider, defaults);
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
	}

	/** The provider's name, or null when none is set; an unknown one stops the start. */
	static String provider(String value) {
		if (!MailOAuth2Properties.hasText(value)) {
			return null;
		}
		String provider = value.trim().toLowerCase(Locale.ROOT);
		if (!provider.equals(MICROSOFT_365) && !provider.equals(GOOGLE)) {
			throw new InvalidSettingException(PROPERTY, "is not a provider the plugin knows",
					"Set it to microsoft365 or google, or remove it and set the servers yourself");
		}
		return provider;
	}

	private static void sending(String provider, Map<String, Object> defaults) {
		defaults.put("spring.mail.host", provider.equals(GOOGLE) ? "smtp.gmail.com" : "smtp.office365.com");
		defaults.put("spring.mail.port", "587");
		defaults.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
		defaults.put("spring.mail.properties.mail.smtp.starttls.required", "true");
		oauth2("hil.mail.oauth2", provider, defaults);
	}

	private static void reading(String provider, Map<String, Object> defaults) {
		defaults.put("hil.mail.inbound.host", provider.equals(GOOGLE) ? "imap.gmail.com" : "outlook.office365.com");
		defaults.put("hil.mail.inbound.port", "993");
		defaults.put("hil.mail.inbound.protocol", "imaps");
		oauth2("hil.mail.inbound.oauth2", provider, defaults);
	}

	private static void oauth2(String prefix, String provider, Map<String, Object> defaults) {
		if (provider.equals(GOOGLE)) {
			// Gmail's SMTP and IMAP take a user's token only: the user consents once and the refresh token stays
			defaults.put(prefix + ".token-uri", GOOGLE_TOKEN_URI);
			defaults.put(prefix + ".scope", GOOGLE_SCOPE);
			defaults.put(prefix + ".grant-type", "refresh_token");
		}
		else {
			// the token endpoint names the tenant, which only the application knows
			defaults.put(prefix + ".scope", MICROSOFT_SCOPE);
			defaults.put(prefix + ".grant-type", "client_credentials");
			// Microsoft documents the secret in the form body; in HTTP Basic its special characters go astray
			defaults.put(prefix + ".client-authentication", "post");
		}
	}

	@Override
	public int getOrder() {
		// after the application's own configuration files are read, which say whether a user is set
		return Ordered.LOWEST_PRECEDENCE;
	}

}
