package dev.camundahil.channel.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.camundahil.action.ActionView;
import dev.camundahil.links.SignedTokens;

/**
 * The signed links of an email: one per option, each opening the response page of one action. A link's token is
 * bound to the action and lasts as long as the action does.
 */
final class ResponseLinks {

	/** The purpose the tokens are signed for, so that a chat token never opens a response page. */
	static final String PURPOSE = "respond";

	static final String PATH = "/respond/";

	private final SignedTokens tokens;

	private final String baseUrl;

	private final Duration defaultLifetime;

	ResponseLinks(SignedTokens tokens, String baseUrl, Duration defaultLifetime) {
		this.tokens = tokens;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.defaultLifetime = defaultLifetime;
	}

	/** The link that opens the page for one option, or for a free answer when {@code option} is null. */
	String link(ActionView action, String option) {
		StringBuilder link = new StringBuilder(this.baseUrl).append(PATH).append(action.id()).append('?');
		if (option != null) {
			// URLEncoder, not a URI builder: a '+' in an option must not come back as a space
			link.append("option=").append(URLEncoder.encode(option, StandardCharsets.UTF_8)).append('&');
		}
		return link.append("token=").append(token(action)).toString();
	}

	String token(ActionView action) {
		Instant expiresAt = (action.expiresAt() != null) ? action.expiresAt()
				: ((action.createdAt() != null) ? action.createdAt() : Instant.now()).plus(this.defaultLifetime);
		return this.tokens.issue(PURPOSE, action.id().toString(), expiresAt);
	}

	SignedTokens.Verdict verify(UUID actionId, String token) {
		return this.tokens.verify(token, PURPOSE, actionId.toString());
	}

}
