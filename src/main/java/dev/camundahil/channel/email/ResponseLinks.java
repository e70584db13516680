package dev.camundahil.channel.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionView;
import dev.camundahil.links.SignedTokens;

/**
 * The signed links of an email: one per option, each opening the response page of one action. A link's token is
 * bound to the action and to the recipient whose copy of the email carries it ({@code r}, the recipient's id), and
 * lasts as long as the action does: it is checked against the action's current deadline, which may have moved since
 * the link was sent. Links without a recipient, from emails sent before recipients were kept, are
 * bound to the action alone.
 */
final class ResponseLinks {

	/** The purpose the tokens are signed for, so that a chat token never opens a response page. */
	static final String PURPOSE = "respond";

	static final String PATH = "/respond/";

	/** The query parameter naming the recipient a link belongs to. */
	static final String RECIPIENT = "r";

	private final SignedTokens tokens;

	private final String baseUrl;

	private final Duration defaultLifetime;

	ResponseLinks(SignedTokens tokens, String baseUrl, Duration defaultLifetime) {
		this.tokens = tokens;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.defaultLifetime = defaultLifetime;
	}

	/** The link that opens the page for one option, or for a free answer when {@code option} is null. */
	String link(ActionView action, ActionRecipient recipient, String option) {
		StringBuilder link = new StringBuilder(this.baseUrl).append(PATH).append(action.id()).append('?');
		if (option != null) {
			// URLEncoder, not a URI builder: a '+' in an option must not come back as a space
			link.append("option=").append(URLEncoder.encode(option, StandardCharsets.UTF_8)).append('&');
		}
		if (recipient != null) {
			link.append(RECIPIENT).append('=').append(recipient.id()).append('&');
		}
		return link.append("token=").append(token(action, recipient)).toString();
	}

	String token(ActionView action, ActionRecipient recipient) {
		Instant expiresAt = (action.expiresAt() != null) ? action.expiresAt()
				: ((action.createdAt() != null) ? action.createdAt() : Instant.now()).plus(this.defaultLifetime);
		return this.tokens.issue(PURPOSE, subject(action.id(), (recipient != null) ? recipient.id() : null), expiresAt);
	}

	SignedTokens.Verdict verify(UUID actionId, UUID recipientId, String token) {
		return this.tokens.verify(token, PURPOSE, subject(actionId, recipientId));
	}

	/**
	 * Checks a token against the action's current deadline rather than the one signed into it, so that the links of
	 * an extended action keep working until its new deadline; an action without one goes by the token's expiry.
	 */
	SignedTokens.Verdict verify(UUID actionId, UUID recipientId, String token, Instant deadline) {
		return this.tokens.verify(token, PURPOSE, subject(actionId, recipientId), deadline);
	}

	static String subject(UUID actionId, UUID recipientId) {
		return (recipientId != null) ? actionId + "/" + recipientId : actionId.toString();
	}

}
