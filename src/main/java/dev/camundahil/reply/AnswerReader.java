package dev.camundahil.reply;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.camundahil.action.ExpectedResponses;

/**
 * Reads the answer out of what a sender typed: with options, the first non-empty line names one of them, ignoring
 * case and surrounding punctuation ("approve.", "APPROVE!", "Reject - too expensive"); without options, the whole text is the answer.
 */
final class AnswerReader {

	private static final Pattern COMMENT_SEPARATOR = Pattern.compile("\\s*[-\u2013\u2014,;:.!]\\s");

	private AnswerReader() {
	}

	/** The answer, or empty when the reply names none of the options (or is empty). */
	static Optional<String> read(String typed, List<String> options) {
		String text = typed.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		if (options.isEmpty()) {
			return Optional.of(text);
		}
		String firstLine = text.lines().map(String::strip).filter((line) -> !line.isEmpty()).findFirst().orElse("");
		String bare = firstLine.replaceAll("^[\\p{Punct}\\p{IsPunctuation}\\s]+|[\\p{Punct}\\p{IsPunctuation}\\s]+$", "");
		Optional<String> exact = ExpectedResponses.match(options, bare);
		return exact.isPresent() ? exact : optionBeforeComment(options, bare);
	}

	/** "Reject - the price is wrong": an option, then punctuation, then a comment. */
	private static Optional<String> optionBeforeComment(List<String> options, String line) {
		return options.stream().filter((option) -> {
			String head = line.length() > option.length() ? line.substring(0, option.length()) : "";
			return head.equalsIgnoreCase(option.strip())
					&& COMMENT_SEPARATOR.matcher(line.substring(option.length())).lookingAt();
		}).findFirst();
	}

}
