package dev.camundahil.channel.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One open connection to a {@link JavaMailSenderImpl}'s mail server, used by one sender at a time, counting the
 * emails it carried.
 */
final class SmtpConnection {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

	private final JavaMailSenderImpl sender;

	private final Transport transport;

	private int emails;

	private long idleSince;

	private SmtpConnection(JavaMailSenderImpl sender, Transport transport) {
		this.sender = sender;
		this.transport = transport;
	}

	/**
	 * Connects the way {@link JavaMailSenderImpl} does: its session, protocol, host, port and login; or through the
	 * sender's own {@link SmtpLogin}.
	 */
	static SmtpConnection open(JavaMailSenderImpl sender) throws MessagingException {
		if (sender instanceof SmtpLogin login) {
			Transport transport = login.connect();
			log.debug("Opened an SMTP connection to {}:{} with the sender's own login", sender.getHost(),
					sender.getPort());
			return new SmtpConnection(sender, transport);
		}
		String username = sender.getUsername();
		String password = sender.getPassword();
		// an empty user name (an unset placeholder) means no login, as in JavaMailSenderImpl
		if ("".equals(username)) {
			username = null;
			if ("".equals(password)) {
				password = null;
			}
		}
		Session session = sender.getSession();
		String protocol = sender.getProtocol();
		if (protocol == null) {
			protocol = session.getProperty("mail.transport.protocol");
		}
		Transport transport = session.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
		transport.connect(sender.getHost(), sender.getPort(), username, password);
		log.debug("Opened an SMTP connection to {}:{}", sender.getHost(), sender.getPort());
		return new SmtpConnection(sender, transport);
	}

	void send(MimeMessage message, Address[] recipients) throws MessagingException {
		this.emails++;
		this.transport.sendMessage(message, recipients);
	}

	/** Whether the server still answers; asks it (NOOP), and closes this connection if it does not. */
	boolean isOpen() {
		return this.transport.isConnected();
	}

	void close() {
		try {
			this.transport.close();
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Could not close an SMTP connection cleanly: {}", ex.toString());
		}
	}

	JavaMailSenderImpl sender() {
		return this.sender;
	}

	int emails() {
		return this.emails;
	}

	long idleSince() {
		return this.idleSince;
	}

	void idleFrom(long nanoTime) {
		this.idleSince = nanoTime;
	}

}
