package dev.camundahil.mail.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The access token of one mailbox: asked for when first needed, kept until shortly before it expires, and dropped
 * when the mail server refuses it. Concurrent users wait for one request instead of each sending their own. Tokens
 * and secrets never appear in a log line or an exception message.
 */
final class AccessTokens {

	/** A token this close to its expiry is not used: a login with it could fail halfway through a batch. */
	static final Duration EARLY = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

	private final String prefix;

	private final String tokenUri;

	private final TokenEndpoint endpoint;

	private final Clock clock;

	/** Guarded by {@code this}. */
	private OAuth2AccessToken current;

	/** When {@link #current} is no longer used, on {@link #clock}; guarded by {@code this}. */
	private Instant replaceAt;

	/** Guarded by {@code this}; a server may hand out a new refresh token with every access token. */
	private OAuth2RefreshToken refreshToken;

	/**
	 * @param prefix the settings the tokens come from, such as {@code hil.mail.oauth2}, for messages
	 */
	AccessTokens(String prefix, MailOAuth2Properties properties, TokenEndpoint endpoint, Clock clock) {
		this.prefix = prefix;
		this.tokenUri = properties.getTokenUri();
		this.endpoint = endpoint;
		this.clock = clock;
		this.refreshToken = MailOAuth2Properties.hasText(properties.getRefreshToken())
				? new OAuth2RefreshToken(properties.getRefreshToken(), null) : null;
	}

	/** A token to log in with now: the kept one while it is fresh, else a new one. */
	synchronized String token() throws MessagingException {
		if (this.current != null && this.clock.instant().isBefore(this.replaceAt)) {
			return this.current.getTokenValue();
		}
		this.current = null;
		OAuth2AccessTokenResponse response;
		try {
			response = this.endpoint.request(this.refreshToken);
		}
		catch (OAuth2AuthorizationException ex) {
			throw failure(describe(ex.getError()), ex);
		}
		catch (RuntimeException ex) {
			throw failure(ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		this.current = response.getAccessToken();
		this.replaceAt = this.clock.instant().plus(lifetime(this.current)).minus(EARLY);
		if (response.getRefreshToken() != null) {
			this.refreshToken = response.getRefreshToken();
		}
		log.debug("Got an OAuth2 access token for {} from {}, valid for {}", this.prefix, this.tokenUri,
				lifetime(this.current));
		return this.current.getTokenValue();
	}

	/** The mail server refused {@code token}: it is not used again. */
	synchronized void refused(String token) {
		if (this.current != null && this.current.getTokenValue().equals(token)) {
			this.current = null;
		}
	}

	/** How long the token is valid, as the server said when it was received ({@code expires_in}). */
	private static Duration lifetime(OAuth2AccessToken token) {
		if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
			return Duration.ZERO;
		}
		return Duration.between(token.getIssuedAt(), token.getExpiresAt());
	}

	/**
	 * The reason alone, without the exception chained: Jakarta Mail would repeat the cause in every message, and the
	 * dispatch log line carries the message.
	 */
	private MessagingException failure(String reason, RuntimeException cause) {
		log.debug("The token request for {} failed", this.prefix, cause);
		return new MessagingException(
				"Could not get an OAuth2 access token for " + this.prefix + " from " + this.tokenUri + ": " + reason);
	}

	private static String describe(OAuth2Error error) {
		String description = error.getDescription();
		return error.getErrorCode() + ((description != null && !description.isBlank()) ? " (" + description + ")" : "");
	}

}
