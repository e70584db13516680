package dev.camundahil.reply;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camundahil.action.ExpectedResponses;

/**
 * Reads the answer out of what a sender typed: with options, the first non-empty line names one of them, ignoring
 * case and surrounding punctuation and emoji ("approve.", "APPROVE!", "approve 👍", "Reject - too expensive");
 * without options, the whole text is the answer. With options, what follows the option is the comment: the rest of
 * its line after the punctuation ("too expensive"), and the lines below it.
 */
final class AnswerReader {

	private static final Pattern COMMENT_SEPARATOR = Pattern.compile("\\s*[-\u2013\u2014,;:.!]\\s");

	/** Punctuation, symbols and emoji (with their variation selectors and joiners) around an option. */
	private static final String EDGE = "[\\p{Punct}\\p{IsPunctuation}\\p{S}\\p{Cf}\\uFE0E\\uFE0F\\s]+";

	private static final String EDGE_PUNCTUATION = "^" + EDGE + "|" + EDGE + "$";

	private AnswerReader() {
	}

	/** The answer, or empty when the reply names none of the options (or is empty). */
	static Optional<String> read(String typed, List<String> options) {
		return answer(typed, options).map(Answer::value);
	}

	/** The answer and its comment, or empty when the reply names none of the options (or is empty). */
	static Optional<Answer> answer(String typed, List<String> options) {
		String text = typed.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		if (options.isEmpty()) {
			return Optional.of(new Answer(text, null));
		}
		List<String> lines = text.lines().toList();
		int first = 0;
		while (lines.get(first).isBlank()) {
			first++;
		}
		String firstLine = lines.get(first).strip();
		String below = String.join("\n", lines.subList(first + 1, lines.size())).strip();
		String bare = firstLine.replaceAll(EDGE_PUNCTUATION, "");
		// an option may itself be punctuation or an emoji ("👍"): the line as typed is tried first
		Optional<String> exact = ExpectedResponses.match(options, firstLine)
			.or(() -> ExpectedResponses.match(options, bare));
		if (exact.isPresent()) {
			return Optional.of(new Answer(exact.get(), below));
		}
		return optionBeforeComment(options, bare).map((option) -> {
			Matcher separator = COMMENT_SEPARATOR.matcher(bare.substring(option.length()));
			separator.lookingAt();
			String rest = bare.substring(option.length() + separator.end()).strip();
			// the line's end punctuation was taken off to match the option; the comment keeps its own
			String sameLine = firstLine.substring(Math.min(firstLine.length(), firstLine.indexOf(rest)));
			String comment = rest.isEmpty() ? below : (below.isEmpty() ? sameLine : sameLine + "\n" + below);
			return new Answer(ExpectedResponses.match(options, option).orElse(option), comment);
		});
	}

	/** "Reject - the price is wrong": an option, then punctuation, then a comment. */
	private static Optional<String> optionBeforeComment(List<String> options, String line) {
		return options.stream().filter((option) -> {
			String head = line.length() > option.length() ? line.substring(0, option.length()) : "";
			return head.equalsIgnoreCase(option.strip())
					&& COMMENT_SEPARATOR.matcher(line.substring(option.length())).lookingAt();
		}).findFirst();
	}

	/**
	 * What a reply answers.
	 * @param value the option it names, as the action spells it, or the whole text
	 * @param comment what the sender wrote beside it; null or empty when nothing
	 */
	record Answer(String value, String comment) {

		Answer {
			comment = (comment == null || comment.isBlank()) ? null : comment.strip();
		}

	}

}
