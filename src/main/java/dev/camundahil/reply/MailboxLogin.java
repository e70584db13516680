package dev.camundahil.reply;

import java.util.Properties;

import jakarta.mail.MessagingException;

/**
 * How the reply mailbox is logged in to. Without a bean of this type the poller logs in with
 * {@code hil.mail.inbound.password}; a bean replaces the password, for example with an OAuth2 access token that
 * changes over time.
 */
public interface MailboxLogin {

	/** Adds what this login needs to the mail session's settings, such as the SASL mechanism. */
	void configure(Properties session, String protocol);

	/** The password to log in with now; may ask a token endpoint, so it may fail like the login itself. */
	String password() throws MessagingException;

	/**
	 * The server refused {@code password}; returns whether {@link #password()} now has another one worth a second
	 * try.
	 */
	boolean refused(String password);

	/** Logs in with a fixed password, which is never worth a second try. */
	static MailboxLogin password(String password) {
		return new MailboxLogin() {

			@Override
			public void configure(Properties session, String protocol) {
			}

			@Override
			public String password() {
				return password;
			}

			@Override
			public boolean refused(String refused) {
				return false;
			}

		};
	}

}
