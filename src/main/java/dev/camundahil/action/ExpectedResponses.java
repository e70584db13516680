package dev.camundahil.action;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options an action offers ({@code args.expectedResponse}) and the rule for matching an answer against them:
 * ignoring case, stored in the option's own spelling.
 */
public final class ExpectedResponses {

	public static final String ARG = "expectedResponse";

	private static final int MAX_QUOTED = 100;

	private ExpectedResponses() {
	}

	public static List<String> of(ActionRequest action) {
		return of(action.getArgs().get(ARG));
	}

	public static List<String> of(Object arg) {
		if (arg instanceof Collection<?> options) {
			return options.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	/** The option that the answer names, ignoring case and surrounding blanks. */
	public static Optional<String> match(List<String> options, String answer) {
		String wanted = answer.strip();
		return options.stream().filter((option) -> option.strip().equalsIgnoreCase(wanted)).findFirst();
	}

	/** The value to store for an answer: the matching option, or the answer itself when there are no options. */
	static Object accept(ActionRequest action, Object value) {
		List<String> options = of(action);
		if (options.isEmpty()) {
			return value;
		}
		if (!(value instanceof String answer)) {
			throw new InvalidResponseException(
					"The response value must be one of " + options + " (as text), but was " + describe(value));
		}
		return match(options, answer).orElseThrow(() -> new InvalidResponseException(
				"The response value '" + shortened(answer) + "' is not one of the expected responses " + options));
	}

	/** A value that is no text as the caller sent it in JSON: its kind, and the number or boolean itself. */
	private static String describe(Object value) {
		if (value instanceof Map<?, ?>) {
			return "a JSON object";
		}
		if (value instanceof Collection<?>) {
			return "a JSON array";
		}
		if (value instanceof Number number) {
			return "the number " + shortened(String.valueOf(number));
		}
		return String.valueOf(value);
	}

	/** An answer as a message quotes it: enough to recognise, never the whole of a long one. */
	private static String shortened(String answer) {
		return (answer.length() <= MAX_QUOTED) ? answer : answer.substring(0, MAX_QUOTED) + "…";
	}

}
