package dev.camundahil.action;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of the task parameter {@code escalation}: when it comes due, counted from the action's creation, and
 * the people added then. The parameter lists levels separated by semicolons, each a duration, a colon and
 * comma-separated addresses ({@code PT4H: lead@example.com; P1D: director@example.com}); the action keeps them in
 * {@code args.escalation} as {@code [{after, to}]}.
 *
 * @param after how long after the action's creation the level comes due
 * @param to the people it adds
 */
public record EscalationLevel(Duration after, List<String> to) {

	/** The argument and task parameter. */
	public static final String ARG = "escalation";

	/**
	 * The levels a parameter value names, in order of their durations; none for no value.
	 * @throws IllegalArgumentException a level without a duration longer than zero or without addresses
	 */
	public static List<EscalationLevel> parse(Object value) {
		List<String> items = (value instanceof Collection<?> list) ? list.stream().map(String::valueOf).toList()
				: (value != null) ? Arrays.asList(String.valueOf(value).split(";")) : List.of();
		List<EscalationLevel> levels = new ArrayList<>();
		for (String item : items) {
			String text = item.strip();
			if (text.isEmpty()) {
				continue;
			}
			int colon = text.indexOf(':');
			if (colon < 0) {
				throw invalid(text);
			}
			Duration after;
			try {
				after = Duration.parse(text.substring(0, colon).strip());
			}
			catch (DateTimeParseException ex) {
				throw invalid(text);
			}
			List<String> to = ArgumentList.of(text.substring(colon + 1));
			if (after.isNegative() || after.isZero() || to.isEmpty()
					|| to.stream().anyMatch((address) -> !address.contains("@"))) {
				throw invalid(text);
			}
			levels.add(new EscalationLevel(after, to));
		}
		levels.sort((one, other) -> one.after().compareTo(other.after()));
		return levels;
	}

	/** The levels an action keeps in its arguments. */
	public static List<EscalationLevel> of(ActionView action) {
		Object kept = (action.args() != null) ? action.args().get(ARG) : null;
		if (!(kept instanceof Collection<?> levels)) {
			return List.of();
		}
		List<EscalationLevel> found = new ArrayList<>();
		for (Object level : levels) {
			if (level instanceof Map<?, ?> map && map.get("to") instanceof Collection<?> to) {
				found.add(new EscalationLevel(Duration.parse(String.valueOf(map.get("after"))),
						to.stream().map(String::valueOf).toList()));
			}
		}
		return found;
	}

	/** The level as the action's arguments keep it. */
	public Map<String, Object> asArg() {
		Map<String, Object> arg = new LinkedHashMap<>();
		arg.put("after", this.after.toString());
		arg.put("to", this.to);
		return arg;
	}

	private static IllegalArgumentException invalid(String level) {
		return new IllegalArgumentException("'" + ARG + "' must be levels such as 'PT4H: lead@example.com; P1D: "
				+ "director@example.com' (a duration longer than zero, a colon, email addresses), not '" + level + "'");
	}

}
