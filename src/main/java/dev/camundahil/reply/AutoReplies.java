package dev.camundahil.reply;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Tells auto-replies and bulk mail from answers, by the headers such mail carries (RFC 3834 and common practice).
 */
final class AutoReplies {

	private AutoReplies() {
	}

	/** Why the message is not a person's answer, or empty when it may be one. */
	static Optional<String> reason(Message message) throws MessagingException {
		String autoSubmitted = first(message, "Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
		}
		if (first(message, "X-Autoreply") != null) {
			return Optional.of("X-Autoreply header");
		}
		if (first(message, "X-Autorespond") != null) {
			return Optional.of("X-Autorespond header");
		}
		String precedence = first(message, "Precedence");
		if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
			return Optional.of("Precedence: " + precedence.strip());
		}
		if (first(message, "List-Id") != null) {
			return Optional.of("List-Id header (mailing list)");
		}
		String returnPath = first(message, "Return-Path");
		if (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty()) {
			return Optional.of("empty Return-Path (bounce or auto-reply)");
		}
		return Optional.empty();
	}

	private static String first(Message message, String header) throws MessagingException {
		String[] values = message.getHeader(header);
		return (values != null && values.length > 0) ? values[0] : null;
	}

}
