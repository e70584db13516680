package dev.camundahil.mail.oauth2;

import java.util.Properties;

import jakarta.mail.MessagingException;

import dev.camundahil.reply.MailboxLogin;

/**
 * Logs in to the reply mailbox with SASL {@code XOAUTH2} and an OAuth2 access token
 * ({@code hil.mail.inbound.oauth2.*}).
 */
class OAuth2MailboxLogin implements MailboxLogin {

	private final AccessTokens tokens;

	OAuth2MailboxLogin(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public void configure(Properties session, String protocol) {
		XOAuth2.configure(session, protocol);
	}

	@Override
	public String password() throws MessagingException {
		return this.tokens.token();
	}

	@Override
	public boolean refused(String password) {
		this.tokens.refused(password);
		return true;
	}

}
