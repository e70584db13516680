package dev.camundahil.reply;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Answers a reply that was not taken with one short message saying why (it names no option, it is too large).
 * Marked {@code Auto-Submitted: auto-replied}, so well-behaved clients never answer it automatically; it is never
 * sent in answer to an auto-reply, which is ignored before anything else.
 */
class SenderNotice {

	private static final Logger log = LoggerFactory.getLogger(SenderNotice.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	SenderNotice(ObjectProvider<JavaMailSender> mailSender, String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	/**
	 * Sends a short message to one person, threaded under the message it answers; throws when it cannot be sent,
	 * so that the caller may try again.
	 * @param inReplyTo the answered message's id, with angle brackets
	 * @param references its References and its own id
	 */
	void sendThreaded(String to, String subject, String text, String inReplyTo, String references) throws Exception {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("no mail server is configured: set spring.mail.host");
		}
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setTo(to);
		if (this.from != null) {
			helper.setFrom(this.from);
		}
		helper.setSubject(subject);
		helper.setText(text);
		message.setHeader("Auto-Submitted", "auto-replied");
		message.setHeader("In-Reply-To", inReplyTo);
		message.setHeader("References", references);
		sender.send(message);
	}

	/** The subject of an answer to a message: its own, with one "Re: " in front. */
	static String replySubject(String subject) {
		String given = (subject != null) ? subject : "";
		return given.regionMatches(true, 0, "Re:", 0, 3) ? given : "Re: " + given;
	}

	void send(InboundMessage reply, String text) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null || reply.from() == null) {
			return;
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setTo(reply.from());
			if (this.from != null) {
				helper.setFrom(this.from);
			}
			String subject = reply.subject().regionMatches(true, 0, "Re:", 0, 3) ? reply.subject()
					: "Re: " + reply.subject();
			helper.setSubject(subject);
			helper.setText(text);
			message.setHeader("Auto-Submitted", "auto-replied");
			message.setHeader("In-Reply-To", "<" + reply.messageId() + ">");
			sender.send(message);
		}
		catch (Exception ex) {
			log.warn("Could not tell the sender of email {} why it was not taken: {}", reply.messageId(), ex.getMessage());
		}
	}

}
