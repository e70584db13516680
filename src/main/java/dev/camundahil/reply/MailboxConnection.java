package dev.camundahil.reply;

import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IMAP session with the reply mailbox ({@code hil.mail.inbound}): opened when a poll needs it, and kept open
 * while a backlog is read batch after batch, since connecting costs several round trips to the server (greeting,
 * capabilities, login). Used by one poll at a time.
 */
final class MailboxConnection {

	private static final Logger log = LoggerFactory.getLogger(MailboxConnection.class);

	private final InboundMailProperties properties;

	private final MailboxLogin login;

	private Store store;

	MailboxConnection(InboundMailProperties properties, MailboxLogin login) {
		this.properties = properties;
		this.login = login;
	}

	/** The connected mail store: the open one, or a new one. */
	Store store() throws MessagingException {
		if (this.store == null || !this.store.isConnected()) {
			disconnect();
			this.store = connect();
		}
		return this.store;
	}

	void disconnect() {
		if (this.store == null) {
			return;
		}
		try {
			this.store.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing the reply mailbox connection failed: {}", ex.getMessage());
		}
		this.store = null;
	}

	boolean isConnected() {
		return this.store != null;
	}

	/**
	 * Opens the session and logs in to the mailbox. A login the server refuses is tried once more when the
	 * {@link MailboxLogin} has a new password, such as an access token in place of a revoked one.
	 */
	private Store connect() throws MessagingException {
		String protocol = this.properties.getProtocol();
		Properties session = new Properties();
		String timeout = String.valueOf(this.properties.getTimeout().toMillis());
		session.put("mail." + protocol + ".connectiontimeout", timeout);
		session.put("mail." + protocol + ".timeout", timeout);
		this.login.configure(session, protocol);
		Store store = Session.getInstance(session).getStore(protocol);
		int port = (this.properties.getPort() != null) ? this.properties.getPort() : -1;
		String password = this.login.password();
		try {
			store.connect(this.properties.getHost(), port, this.properties.getUsername(), password);
		}
		catch (AuthenticationFailedException ex) {
			if (!this.login.refused(password)) {
				throw ex;
			}
			log.info("The reply mailbox refused its login; logging in once more with a new one: {}", ex.getMessage());
			store.connect(this.properties.getHost(), port, this.properties.getUsername(), this.login.password());
		}
		return store;
	}

}
