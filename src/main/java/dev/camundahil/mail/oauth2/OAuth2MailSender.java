package dev.camundahil.mail.oauth2;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

import dev.camundahil.channel.email.SmtpLogin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's mail sender, logging in with SASL {@code XOAUTH2} and an OAuth2 access token instead of a password. When
 * the server refuses the token (revoked, or expired before its time) a new one is fetched and the login tried once
 * more; nothing has been sent at that point, so no email goes out twice. A token endpoint that cannot be reached
 * fails the send like an unreachable mail server, and the dispatch outbox tries it again later. The email channel
 * keeps its connections open between emails through {@link SmtpLogin}, logged in once.
 */
class OAuth2MailSender extends JavaMailSenderImpl implements SmtpLogin {

	private static final Logger log = LoggerFactory.getLogger(OAuth2MailSender.class);

	private final AccessTokens tokens;

	OAuth2MailSender(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Transport connect() throws MessagingException {
		return connectTransport();
	}

	@Override
	protected Transport connectTransport() throws MessagingException {
		Transport transport = getTransport(getSession());
		String token = this.tokens.token();
		try {
			transport.connect(getHost(), getPort(), getUsername(), token);
		}
		catch (AuthenticationFailedException ex) {
			this.tokens.refused(token);
			log.info("The mail server {} refused the OAuth2 access token of {}; logging in once more with a new one: {}",
					getHost(), getUsername(), ex.getMessage());
			transport.connect(getHost(), getPort(), getUsername(), this.tokens.token());
		}
		return transport;
	}

}
