package dev.camundahil;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

/**
 * A {@code hil.*} setting the plugin cannot start with. Its message says which setting, what is wrong with it and
 * what to set instead; {@link InvalidSettingFailureAnalyzer} shows it as Spring Boot's start-up failure report.
 */
public class InvalidSettingException extends RuntimeException {

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * @param property the setting, such as {@code hil.links.secret}
	 * @param problem what is wrong with its value, never the value itself (it may be a secret)
	 * @param action what to set instead
	 */
	public InvalidSettingException(String property, String problem, String action) {
		super(property + " " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	public String getProperty() {
		return this.property;
	}

	public String getProblem() {
		return this.problem;
	}

	public String getAction() {
		return this.action;
	}

	/** Refuses a count below {@code min}. */
	public static void requireAtLeast(String property, int value, int min) {
		if (value < min) {
			throw new InvalidSettingException(property, "must be at least " + min + " (it is " + value + ")",
					"Set " + property + " to " + min + " or more");
		}
	}

	/** Refuses a duration of zero or less. */
	public static void requirePositive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidSettingException(property, "must be positive (it is " + print(value) + ")",
					"Set " + property + " to a positive duration, such as 5s");
		}
	}

	/** Refuses a duration shorter than {@code min}. */
	public static void requireAtLeast(String property, Duration value, Duration min) {
		if (value == null || value.compareTo(min) < 0) {
			throw new InvalidSettingException(property, "must be at least " + print(min) + " (it is " + print(value)
					+ ")", "Set " + property + " to " + print(min) + " or more");
		}
	}

	/** Refuses a negative duration. */
	public static void requireNotNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidSettingException(property, "must not be negative (it is " + print(value) + ")",
					"Set " + property + " to zero or a positive duration");
		}
	}

	/** Refuses a list of durations with an empty or negative one. */
	public static void requireNoneNegative(String property, List<Duration> values) {
		if (values != null && values.stream().anyMatch((value) -> value == null || value.isNegative())) {
			throw new InvalidSettingException(property, "must list durations of zero or more",
					"Set " + property + " to durations such as 5s,30s,2m");
		}
	}

	private static String print(Duration value) {
		return (value != null) ? DurationStyle.SIMPLE.print(value) : "empty";
	}

}
