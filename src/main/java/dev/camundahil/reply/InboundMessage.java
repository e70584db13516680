package dev.camundahil.reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimePart;

/**
 * What reply handling needs from a received message, read once: ids, sender, subject, what the sender typed,
 * whether it is an auto-reply, whether it is too large to be read (its text is then not read), and what the
 * receiving servers say of its sender ({@code Authentication-Results}).
 */
record InboundMessage(String messageId, List<String> referencedIds, String from, List<String> toAddresses,
		String subject, String typedText, Optional<String> autoReplyReason, Optional<String> tooLarge,
		List<String> authenticationResults) {

	private static final Pattern BRACKETED_ID = Pattern.compile("<([^<>]+)>");

	static InboundMessage read(Message message, String fallbackId, Limits limits)
			throws MessagingException, IOException {
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
		Part text = textPart(message);
		Optional<String> tooLarge = limits.exceededBy(message, text);
		String typed = "";
		if (tooLarge.isEmpty() && text != null) {
			String content = BodyText.of(text);
			if (content.getBytes(StandardCharsets.UTF_8).length > limits.textBytes()) {
				tooLarge = Optional.of(limits.textTooLong());
			}
			else {
				typed = text.isMimeType("text/plain")
						? QuoteStripper.stripText(FlowedText.unflowed(text.getContentType(), content))
						: QuoteStripper.stripHtml(content);
			}
		}
		return new InboundMessage(idOf(message, fallbackId), referenced, senderOf(message), to,
				(message.getSubject() != null) ? message.getSubject() : "", typed, AutoReplies.reason(message),
				tooLarge, headers(message, "Authentication-Results"));
	}

	/** The message's Message-ID without its angle brackets; the fallback where it has none. */
	static String idOf(Message message, String fallbackId) throws MessagingException {
		String messageId = header(message, "Message-ID");
		return (messageId != null) ? normalizeId(messageId) : fallbackId;
	}

	/** The sender's bare address, lower case; null where the message names none. */
	static String senderOf(Message message) throws MessagingException {
		Address[] from = message.getFrom();
		return (from != null && from.length > 0) ? address(from[0]) : null;
	}

	/** The bare address, lower case, without display name. */
	static String address(Address address) {
		String text = (address instanceof InternetAddress internet) ? internet.getAddress() : address.toString();
		return text.strip().toLowerCase(Locale.ROOT);
	}

	static String normalizeId(String id) {
		return id.strip().replaceAll("^<|>$", "");
	}

	/** The ids of an In-Reply-To or References header: in angle brackets, written together or apart; else bare. */
	private static void addIds(List<String> ids, String header) {
		if (header == null) {
			return;
		}
		Matcher bracketed = BRACKETED_ID.matcher(header);
		int before = ids.size();
		while (bracketed.find()) {
			ids.add(bracketed.group(1).strip());
		}
		if (ids.size() > before) {
			return;
		}
		for (String id : header.split("[\\s,]+")) {
			if (!id.isBlank()) {
				ids.add(normalizeId(id));
			}
		}
	}

	private static List<String> headers(Message message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return (values != null) ? List.of(values) : List.of();
	}

	private static String header(Message message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	/** The part holding what the sender typed: the first plain text part, else the first HTML part; null if none. */
	private static Part textPart(Part message) throws MessagingException, IOException {
		Part plain = firstPart(message, "text/plain");
		return (plain != null) ? plain : firstPart(message, "text/html");
	}

	private static Part firstPart(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType) && !isAttachment(part)) {
			return part;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Part found = firstPart(child, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** An attached file: marked as one, or named (Apple Mail attaches files inline, with their names). */
	private static boolean isAttachment(Part part) throws MessagingException {
		return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
	}

	/**
	 * The largest text ({@code hil.security.max-email-body-size}) and attachment ({@code max-attachment-size}) a
	 * reply may have to be read.
	 */
	record Limits(long textBytes, long attachmentBytes) {

		/** What of the message is too large, judged by the sizes the server gives, before anything is read. */
		Optional<String> exceededBy(Part message, Part text) throws MessagingException, IOException {
			if (text != null && leastDecodedSize(text) > this.textBytes) {
				return Optional.of(textTooLong());
			}
			return tooLargeAttachment(message);
		}

		String textTooLong() {
			return "its text is longer than the " + this.textBytes + " bytes that are read";
		}

		private Optional<String> tooLargeAttachment(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					Optional<String> found = tooLargeAttachment(multipart.getBodyPart(i));
					if (found.isPresent()) {
						return found;
					}
				}
				return Optional.empty();
			}
			boolean body = part.isMimeType("text/*") && !isAttachment(part);
			if (!body && leastDecodedSize(part) > this.attachmentBytes) {
				String name = (part.getFileName() != null) ? "'" + part.getFileName() + "'" : "of type " + part.getContentType();
				return Optional.of("its attachment " + name + " is larger than the " + this.attachmentBytes
						+ " bytes accepted");
			}
			return Optional.empty();
		}

		/**
		 * The least the part can hold once decoded, from the size the server gives without reading it: base64 carries
		 * 57 bytes in a line of 76 characters and its line break; quoted-printable at least one in every three.
		 */
		private static long leastDecodedSize(Part part) throws MessagingException {
			long size = part.getSize();
			if (size <= 0) {
				return 0;
			}
			String encoding = (part instanceof MimePart mime) ? mime.getEncoding() : null;
			if ("base64".equalsIgnoreCase(encoding)) {
				return size * 57 / 78;
			}
			if ("quoted-printable".equalsIgnoreCase(encoding)) {
				return size / 3;
			}
			return size;
		}

	}

}
