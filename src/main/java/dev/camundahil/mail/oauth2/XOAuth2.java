package dev.camundahil.mail.oauth2;

import java.util.Properties;

/**
 * Jakarta Mail settings that make a login use SASL {@code XOAUTH2}, with the access token as the password.
 */
final class XOAuth2 {

	private XOAuth2() {
	}

	/** Sets the mechanism for {@code protocol} (smtp, smtps, imap or imaps); it is off in Jakarta Mail by default. */
	static void configure(Properties session, String protocol) {
		session.put("mail." + protocol + ".auth", "true");
		session.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
	}

}
