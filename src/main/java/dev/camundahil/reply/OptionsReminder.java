package dev.camundahil.reply;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Answers a reply that named none of the options with one short message listing them. Marked
 * {@code Auto-Submitted: auto-replied}, so well-behaved clients never answer it automatically.
 */
class OptionsReminder {

	private static final Logger log = LoggerFactory.getLogger(OptionsReminder.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	OptionsReminder(ObjectProvider<JavaMailSender> mailSender, String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	void send(InboundMessage reply, List<String> options) {
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
			helper.setText("Your reply could not be read as an answer. Please reply with one of these on the first line:\n\n"
					+ String.join("\n", options) + "\n");
			message.setHeader("Auto-Submitted", "auto-replied");
			message.setHeader("In-Reply-To", "<" + reply.messageId() + ">");
			sender.send(message);
		}
		catch (Exception ex) {
			log.warn("Could not send the list of options in answer to email {}: {}", reply.messageId(), ex.getMessage());
		}
	}

}
