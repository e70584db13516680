package dev.camundahil.channel;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.camundahil.action.ArgumentList;

/**
 * The task parameter {@code reminder}: ISO-8601 durations counted from the moment the action is opened
 * ({@code PT1H,PT20H} reminds one hour and twenty hours after the question went out), as a list or as
 * comma-separated text.
 */
final class ReminderDurations {

	static final String PARAMETER = "reminder";

	private ReminderDurations() {
	}

	/** The durations, sorted; the message of the exception names what is wrong. */
	static List<Duration> parse(Object value) {
		return ArgumentList.of(value).stream().map(ReminderDurations::duration).sorted().distinct().toList();
	}

	private static Duration duration(String text) {
		Duration duration;
		try {
			duration = Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + PARAMETER
					+ "' must be ISO-8601 durations after the action is opened, such as PT1H,PT20H, not '" + text + "'");
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("'" + PARAMETER + "' must be durations longer than zero, not '" + text + "'");
		}
		return duration;
	}

}
