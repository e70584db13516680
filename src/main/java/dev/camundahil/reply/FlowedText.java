package dev.camundahil.reply;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

/**
 * Undoes the soft line breaks of {@code format=flowed} text (RFC 3676), which Apple Mail and Thunderbird send: a
 * line ending in a space goes on in the next line of the same quote depth, so a long sentence reads as the one line
 * its sender typed. With {@code delsp=yes} that space was added by the line break and is dropped.
 */
final class FlowedText {

	private static final String SIGNATURE = "-- ";

	private FlowedText() {
	}

	/** The text as typed: joined where it is flowed, as it is otherwise. */
	static String unflowed(String contentType, String text) {
		ContentType type;
		try {
			type = new ContentType(contentType);
		}
		catch (ParseException ex) {
			return text;
		}
		if (!"flowed".equalsIgnoreCase(parameter(type, "format"))) {
			return text;
		}
		boolean delSp = "yes".equalsIgnoreCase(parameter(type, "delsp"));
		StringBuilder out = new StringBuilder();
		int openDepth = -1; // the quote depth of the paragraph still flowing, -1 when none is
		for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
			int depth = 0;
			while (depth < raw.length() && raw.charAt(depth) == '>') {
				depth++;
			}
			String line = raw.substring(depth);
			if (line.startsWith(" ")) {
				line = line.substring(1); // space-stuffed
			}
			if (openDepth >= 0 && openDepth != depth) {
				out.append('\n'); // a paragraph never flows into another quote depth
				openDepth = -1;
			}
			if (openDepth < 0) {
				out.append(">".repeat(depth)).append(depth > 0 ? " " : "");
			}
			boolean flowed = line.endsWith(" ") && !line.equals(SIGNATURE);
			out.append((flowed && delSp) ? line.substring(0, line.length() - 1) : line);
			if (flowed) {
				openDepth = depth;
			}
			else {
				out.append('\n');
				openDepth = -1;
			}
		}
		// the split's last line is followed by no line break
		return (openDepth < 0) ? out.substring(0, out.length() - 1) : out.toString();
	}

	private static String parameter(ContentType type, String name) {
		String value = type.getParameter(name);
		return (value != null) ? value.strip() : "";
	}

}
