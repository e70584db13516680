package dev.camundahil.mail.oauth2;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a mailbox gets its OAuth2 access tokens; bound twice, for sending ({@code hil.mail.oauth2}, the mailbox user
 * being {@code spring.mail.username}) and for reading replies ({@code hil.mail.inbound.oauth2}, the user being
 * {@code hil.mail.inbound.username}).
 */
public class MailOAuth2Properties {

	/** Token endpoint of the authorization server; OAuth2 is used for this mailbox when it is set. */
	private String tokenUri;

	/** Client id of the application registered with the authorization server. */
	private String clientId;

	/** Client secret of the application registered with the authorization server. */
	private String clientSecret;

	/** Scopes to ask for, separated by spaces or commas. */
	private String scope;

	/**
	 * How a token is asked for: client_credentials (the application's own access, as Microsoft 365 grants it to
	 * SMTP and IMAP) or refresh_token (a user's consent given once, as Google grants it). Default client_credentials.
	 */
	private GrantType grantType;

	/** Refresh token a user's consent gave, for grant-type refresh_token. */
	private String refreshToken;

	/** How the client id and secret go to the token endpoint: HTTP Basic, or in the form body (post). */
	private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;

	/** Whether any setting asks for OAuth2 for this mailbox. */
	boolean isRequested() {
		return hasText(this.tokenUri) || hasText(this.clientId);
	}

	Set<String> scopes() {
		if (!hasText(this.scope)) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.stream(this.scope.trim().split("[\\s,]+")).toList());
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	public String getTokenUri() {
		return this.tokenUri;
	}

	public void setTokenUri(String tokenUri) {
		this.tokenUri = tokenUri;
	}

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public GrantType getGrantType() {
		return (this.grantType != null) ? this.grantType : GrantType.CLIENT_CREDENTIALS;
	}

	public void setGrantType(GrantType grantType) {
		this.grantType = grantType;
	}

	public String getRefreshToken() {
		return this.refreshToken;
	}

	public void setRefreshToken(String refreshToken) {
		this.refreshToken = refreshToken;
	}

	public ClientAuthentication getClientAuthentication() {
		return this.clientAuthentication;
	}

	public void setClientAuthentication(ClientAuthentication clientAuthentication) {
		this.clientAuthentication = clientAuthentication;
	}

	public enum GrantType {

		/** The application's own access (RFC 6749, 4.4). */
		CLIENT_CREDENTIALS,

		/** A user's consent, kept as a refresh token (RFC 6749, 6). */
		REFRESH_TOKEN

	}

	public enum ClientAuthentication {

		/** Client id and secret as HTTP Basic ({@code client_secret_basic}). */
		BASIC,

		/** Client id and secret in the form body ({@code client_secret_post}). */
		POST

	}

}
