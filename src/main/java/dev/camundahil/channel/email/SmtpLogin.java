package dev.camundahil.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

/**
 * A {@link org.springframework.mail.javamail.JavaMailSenderImpl} subclass that logs in its own way (with an OAuth2
 * token instead of a password, say) and whose SMTP connections may still stay open between emails: the email channel
 * opens them through {@link #connect()}. Other subclasses send each email with their own {@code send}.
 */
public interface SmtpLogin {

	/** A transport to the sender's server, connected and logged in. */
	Transport connect() throws MessagingException;

}
