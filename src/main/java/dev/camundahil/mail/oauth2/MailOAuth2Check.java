package dev.camundahil.mail.oauth2;

import java.net.URI;
import java.util.Locale;

import dev.camundahil.InvalidSettingException;

/**
 * The start-up check of one mailbox's OAuth2 settings: a setting that cannot work stops the start with its name,
 * instead of every email failing later.
 */
final class MailOAuth2Check {

	private MailOAuth2Check() {
	}

	/**
	 * @param prefix {@code hil.mail.oauth2} or {@code hil.mail.inbound.oauth2}
	 * @param userSetting the setting naming the mailbox user
	 * @param user its value
	 * @param provider {@code hil.mail.provider}, or null
	 */
	static void check(String prefix, MailOAuth2Properties properties, String userSetting, String user,
			String provider) {
		boolean microsoft = MailProviderDefaults.MICROSOFT_365.equals(provider);
		boolean clientCredentials = properties.getGrantType() == MailOAuth2Properties.GrantType.CLIENT_CREDENTIALS;
		if (!MailOAuth2Properties.hasText(properties.getTokenUri())) {
			throw new InvalidSettingException(prefix + ".token-uri", "is not set",
					microsoft ? "Set it to your tenant's token endpoint, "
							+ "https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token"
							: "Set it to the token endpoint of the mailbox's authorization server");
		}
		URI tokenUri = tokenUri(prefix, properties.getTokenUri());
		if (microsoft && clientCredentials && !tenantSpecific(tokenUri)) {
			throw new InvalidSettingException(prefix + ".token-uri", "names no tenant; Microsoft 365 grants "
					+ "client_credentials only at a tenant's own token endpoint",
					"Put your tenant id (or domain) in its path: "
							+ "https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token");
		}
		if (!MailOAuth2Properties.hasText(properties.getClientId())) {
			throw new InvalidSettingException(prefix + ".client-id", "is not set",
					"Set it to the client (application) id registered with the authorization server");
		}
		if (clientCredentials && !MailOAuth2Properties.hasText(properties.getClientSecret())) {
			throw new InvalidSettingException(prefix + ".client-secret", "is not set, and grant-type "
					+ "client_credentials needs it", "Set it to a client secret of the registered application");
		}
		if (!clientCredentials && !MailOAuth2Properties.hasText(properties.getRefreshToken())) {
			throw new InvalidSettingException(prefix + ".refresh-token", "is not set, and grant-type refresh_token "
					+ "needs it", "Set it to the refresh token the mailbox user's consent gave, or use grant-type "
							+ "client_credentials");
		}
		if (!MailOAuth2Properties.hasText(user)) {
			throw new InvalidSettingException(userSetting, "is not set, and an OAuth2 login (" + prefix
					+ ") names the mailbox user", "Set it to the mailbox's address");
		}
	}

	private static URI tokenUri(String prefix, String value) {
		try {
			URI uri = URI.create(value.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new InvalidSettingException(prefix + ".token-uri", "is not an http(s) address",
				"Set it to the token endpoint's full address, such as https://oauth2.googleapis.com/token");
	}

	/** Microsoft's shared endpoints serve many tenants and so cannot tell which tenant's application asks. */
	private static boolean tenantSpecific(URI tokenUri) {
		String path = (tokenUri.getPath() != null) ? tokenUri.getPath().toLowerCase(Locale.ROOT) : "";
		String[] segments = path.split("/");
		if (segments.length < 2 || segments[1].isBlank()) {
			return false;
		}
		return !(segments[1].equals("common") || segments[1].equals("organizations")
				|| segments[1].equals("consumers"));
	}

}
