package dev.camundahil.reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

/**
 * What reply handling needs from a received message, read once: ids, sender, subject, what the sender typed, and
 * whether it is an auto-reply.
 */
record InboundMessage(String messageId, List<String> referencedIds, String from, List<String> toAddresses,
		String subject, String typedText, Optional<String> autoReplyReason) {

	static InboundMessage read(Message message, String fallbackId) throws MessagingException, IOException {
		String messageId = header(message, "Message-ID");
		List<String> referenced = new ArrayList<>();
		addIds(referenced, header(message, "In-Reply-To"));
		addIds(referenced, header(message, "References"));
		List<String> to = new ArrayList<>();
		Address[] recipients = message.getAllRecipients();
		if (recipients != null) {
			for (Address recipient : recipients) {
				to.add(address(recipient));
			}
		}
		Address[] from = message.getFrom();
		return new InboundMessage((messageId != null) ? normalizeId(messageId) : fallbackId, referenced,
				(from != null && from.length > 0) ? address(from[0]) : null, to,
				(message.getSubject() != null) ? message.getSubject() : "", typedText(message),
				AutoReplies.reason(message));
	}

	/** The bare address, lower case, without display name. */
	static String address(Address address) {
		String text = (address instanceof InternetAddress internet) ? internet.getAddress() : address.toString();
		return text.strip().toLowerCase(Locale.ROOT);
	}

	static String normalizeId(String id) {
		return id.strip().replaceAll("^<|>$", "");
	}

	private static void addIds(List<String> ids, String header) {
		if (header == null) {
			return;
		}
		for (String id : header.split("[\\s,]+")) {
			if (!id.isBlank()) {
				ids.add(normalizeId(id));
			}
		}
	}

	private static String header(Message message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	private static String typedText(Part part) throws MessagingException, IOException {
		String plain = firstPart(part, "text/plain");
		if (plain != null) {
			return QuoteStripper.stripText(plain);
		}
		String html = firstPart(part, "text/html");
		return (html != null) ? QuoteStripper.stripHtml(html) : "";
	}

	private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			Object content = part.getContent();
			return (content instanceof String text) ? text : null;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = firstPart(child, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
