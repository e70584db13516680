package dev.camundahil.reply;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * The text of a reply's body part, decoded as mail clients write it rather than only as it is labelled: text
 * labelled ISO-8859-1 is read as its superset Windows-1252, which is what such mail often holds (browsers read it
 * so too: Outlook's dashes and quotes lie in that range), and text in a charset Java does not know, or labelled
 * US-ASCII or with no charset, is read as UTF-8 where it is valid UTF-8, else as Windows-1252. A reply is thus
 * always read, never skipped for its charset.
 */
final class BodyText {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private BodyText() {
	}

	static String of(Part part) throws MessagingException, IOException {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		Optional<Charset> labelled = charset(part);
		if (labelled.isEmpty() || labelled.get().equals(StandardCharsets.US_ASCII)) {
			return utf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
		}
		return new String(bytes, labelled.get().equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : labelled.get());
	}

	/** The charset the part is labelled with, if Java knows it by its name or by the name mail gives it. */
	private static Optional<Charset> charset(Part part) throws MessagingException {
		String name;
		try {
			name = new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (ParseException ex) {
			return Optional.empty();
		}
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		for (String candidate : new String[] { name.strip(), MimeUtility.javaCharset(name.strip()) }) {
			try {
				return Optional.of(Charset.forName(candidate));
			}
			catch (IllegalArgumentException ex) {
				// an unknown or malformed name: try the next
			}
		}
		return Optional.empty();
	}

	private static Optional<String> utf8(byte[] bytes) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
