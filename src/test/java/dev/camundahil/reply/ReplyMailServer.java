package dev.camundahil.reply;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A GreenMail SMTP and IMAP server on loopback ports, with the app's mailbox {@code hil@localhost}, for tests of
 * email replies: the app sends through it and reads its replies from it, and the tests read the mailbox themselves,
 * one poll at a time.
 */
final class ReplyMailServer {

	static final String MAILBOX = "hil@localhost";

	private ReplyMailServer() {
	}

	static GreenMail started() {
		GreenMail mail = new GreenMail(new ServerSetup[] { ServerSetup.SMTP.dynamicPort(),
				ServerSetup.IMAP.dynamicPort() });
		mail.start();
		mail.setUser(MAILBOX, MAILBOX, "secret");
		return mail;
	}

	/** The app's settings for sending through the server and reading its mailbox, polled by the test alone. */
	static void register(DynamicPropertyRegistry registry, GreenMail mail) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("hil.mail.from", () -> MAILBOX);
		registry.add("hil.mail.reply-to", () -> MAILBOX);
		registry.add("hil.mail.inbound.host", () -> "127.0.0.1");
		registry.add("hil.mail.inbound.port", () -> mail.getImap().getPort());
		registry.add("hil.mail.inbound.username", () -> MAILBOX);
		registry.add("hil.mail.inbound.password", () -> "secret");
		registry.add("hil.mail.inbound.poll-interval", () -> "1h");
	}

}
