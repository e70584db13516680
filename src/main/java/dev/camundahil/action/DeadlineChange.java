package dev.camundahil.action;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How a caller asks for more time: a new deadline ({@code expiresAt}) or a duration added to the current one
 * ({@code by}), exactly one of them. Read here once for every door that offers it (the REST API, Cockpit), so that
 * they accept and refuse the same text with the same words.
 */
public final class DeadlineChange {

	/**
	 * The latest deadline an action takes: the last second with a four-digit year, which every database the plugin
	 * runs on keeps and every ISO-8601 reader reads.
	 */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private final Instant expiresAt;

	private final Duration by;

	private DeadlineChange(Instant expiresAt, Duration by) {
		this.expiresAt = expiresAt;
		this.by = by;
	}

	/**
	 * Reads the two fields as a caller gives them; blank counts as absent.
	 * @throws InvalidExtensionException both or neither are given, or one cannot be read
	 */
	public static DeadlineChange parse(String expiresAt, String by) {
		String until = blankToNull(expiresAt);
		String longer = blankToNull(by);
		if ((until == null) == (longer == null)) {
			throw new InvalidExtensionException("Give exactly one of 'expiresAt' (the new deadline, such as "
					+ "2026-12-24T12:00:00Z) and 'by' (how much longer, such as P2D)");
		}
		return (until != null) ? new DeadlineChange(instant(until), null) : new DeadlineChange(null, duration(longer));
	}

	/** The new deadline: the one given, or {@code by} added to {@code current} (to {@code now} when there is none). */
	Instant from(Instant current, Instant now) {
		if (this.expiresAt != null) {
			return this.expiresAt;
		}
		if (this.by.isNegative() || this.by.isZero()) {
			throw new InvalidExtensionException("'by' must be a duration longer than zero, not " + this.by);
		}
		Instant start = (current != null) ? current : now;
		// checked before adding it, which overflows for durations of many millennia
		if (this.by.compareTo(Duration.between(start, LATEST)) > 0) {
			throw new InvalidExtensionException("'by' moves the deadline past " + LATEST
					+ ", the latest deadline an action takes; give a shorter duration");
		}
		return start.plus(this.by);
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidExtensionException("'expiresAt' must be an ISO-8601 date and time with offset, such as "
					+ "2026-12-24T12:00:00Z, not '" + text + "'");
		}
	}

	private static Duration duration(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidExtensionException(
					"'by' must be an ISO-8601 duration such as P2D or PT4H, not '" + text + "'");
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
