package dev.camundahil.bpmn;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.camundahil.action.ArgumentList;

/**
 * The input parameters of a HIL task, their names, and how their values are read: lists may be given as lists or
 * as comma-separated text, durations as ISO-8601 text.
 */
final class HilTaskParameters {

	static final String QUESTION = "question";

	static final String OUTPUT_TYPES = "outputTypes";

	static final String METADATA = "metadata";

	static final String MESSAGE = "message";

	static final String EXPECTED_RESPONSE = "expectedResponse";

	static final String TO = "to";

	static final String CC = "cc";

	static final String BCC = "bcc";

	static final String SUBJECT = "subject";

	static final String BODY_HTML = "bodyHTML";

	static final String BODY_TEXT = "bodyText";

	static final String ATTACHMENTS = "attachments";

	static final String CHANNEL = "channel";

	static final String TIMEOUT = "timeout";

	static final String ON_TIMEOUT = "onTimeout";

	static final String SESSION_ID = "sessionId";

	static final String RESULT_VARIABLE = "resultVariable";

	static final String REMINDER = "reminder";

	static final String VARIABLES = "variables";

	static final String ALLOW_DELEGATION = "allowDelegation";

	static final String LOCALE = "locale";

	static final String TIME_ZONE = "timeZone";

	/** How several approvers decide: {@code first}, {@code all} or {@code quorum:N}. */
	static final String APPROVAL = "approval";

	/** Who votes under {@code all} or {@code quorum:N}, when not the email's {@code to} and {@code cc}. */
	static final String APPROVERS = "approvers";

	/** Levels of people added while the action stays pending: {@code PT4H: lead@example.com; P1D: …}. */
	static final String ESCALATION = "escalation";

	/** The answer an action takes at its deadline when the task says {@code onTimeout = default}. */
	static final String DEFAULT_RESPONSE = "defaultResponse";

	/** The output types a HIL task can name. */
	static final Set<String> OUTPUT_TYPE_NAMES = Set.of("chat", "email", "custom");

	/** Parameters with a meaning of their own; any other parameter is a custom channel's argument. */
	static final Set<String> KNOWN = Set.of(QUESTION, OUTPUT_TYPES, METADATA, MESSAGE, EXPECTED_RESPONSE, TO, CC, BCC,
			SUBJECT, BODY_HTML, BODY_TEXT, ATTACHMENTS, CHANNEL, TIMEOUT, ON_TIMEOUT, SESSION_ID, RESULT_VARIABLE,
			REMINDER, VARIABLES, ALLOW_DELEGATION, LOCALE, TIME_ZONE, DEFAULT_RESPONSE, APPROVAL, APPROVERS,
			ESCALATION);

	private HilTaskParameters() {
	}

	/** The output types, lower-cased and checked; the message names what is wrong. */
	static List<String> outputTypes(Object value) {
		List<String> types = ArgumentList.of(value).stream().map((type) -> type.toLowerCase(Locale.ROOT)).distinct().toList();
		if (types.isEmpty()) {
			throw new IllegalArgumentException("'" + OUTPUT_TYPES + "' is required: one or more of chat, email, custom");
		}
		for (String type : types) {
			if (!OUTPUT_TYPE_NAMES.contains(type)) {
				throw new IllegalArgumentException(
						"'" + OUTPUT_TYPES + "' names unknown output type '" + type + "'; known are chat, email, custom");
			}
		}
		return types;
	}

	/** A yes-or-no parameter: {@code true} or {@code false}, as text or as a boolean; empty is {@code false}. */
	static boolean flag(String name, Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		String text = (value != null) ? String.valueOf(value).strip().toLowerCase(Locale.ROOT) : "";
		if (text.isEmpty()) {
			return false;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.parseBoolean(text);
		}
		throw new IllegalArgumentException("'" + name + "' must be true or false, not '" + value + "'");
	}

	static Duration duration(String name, Object value) {
		try {
			return Duration.parse(String.valueOf(value).strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 duration such as PT24H or P2D, not '"
					+ value + "'");
		}
	}

	static OnTimeout onTimeout(Object value) {
		if (value == null || String.valueOf(value).isBlank()) {
			return OnTimeout.CONTINUE;
		}
		return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
			case "continue" -> OnTimeout.CONTINUE;
			case "error" -> OnTimeout.ERROR;
			case "default" -> OnTimeout.DEFAULT;
			default -> throw new IllegalArgumentException(
					"'" + ON_TIMEOUT + "' must be 'continue', 'error' or 'default', not '" + value + "'");
		};
	}

	/**
	 * The default decision of a task that says {@code onTimeout = default}: required, and one of the options when
	 * there are options (returned in the option's own spelling); the message names what is wrong.
	 */
	static String defaultResponse(Object value, List<String> options) {
		String text = (value != null) ? String.valueOf(value).strip() : "";
		if (text.isEmpty()) {
			throw new IllegalArgumentException("'" + ON_TIMEOUT + " = default' needs '" + DEFAULT_RESPONSE
					+ "': the answer the action takes at its deadline");
		}
		if (options.isEmpty()) {
			return text;
		}
		return options.stream()
			.filter((option) -> option.strip().equalsIgnoreCase(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("'" + DEFAULT_RESPONSE + "' must be one of the options "
					+ options + ", not '" + text + "'"));
	}

	/**
	 * The approvers of a task that several approvers decide: its {@code approvers} when it names any, else the
	 * email's {@code to} and {@code cc}, each person once (ignoring case), in the order given, an address with a
	 * display name as the address alone.
	 */
	static List<String> approvers(Object approvers, Object to, Object cc) {
		List<String> named = ArgumentList.of(approvers);
		List<String> people = !named.isEmpty() ? named
				: java.util.stream.Stream.concat(ArgumentList.of(to).stream(), ArgumentList.of(cc).stream()).toList();
		List<String> distinct = new java.util.ArrayList<>();
		for (String given : people) {
			// 'Ann Example <ann@example.com>' votes as the address, as her links and replies know her
			int open = given.lastIndexOf('<');
			String person = (open >= 0 && given.endsWith(">")) ? given.substring(open + 1, given.length() - 1).strip()
					: given;
			if (distinct.stream().noneMatch((known) -> known.equalsIgnoreCase(person))) {
				distinct.add(person);
			}
		}
		return distinct;
	}

	/** The task's variables mode; the setting's when the task names none. */
	static VariablesMode variables(Object value, VariablesMode fallback) {
		if (value == null || String.valueOf(value).isBlank()) {
			return fallback;
		}
		return VariablesMode.of(String.valueOf(value)).orElseThrow(() -> new IllegalArgumentException(
				"'" + VARIABLES + "' must be 'separate' or 'lean', not '" + value + "'"));
	}

	/** A well-formed BCP 47 language tag such as {@code de} or {@code fr-CH}; null when none is given. */
	static String locale(Object value) {
		if (value == null || String.valueOf(value).isBlank()) {
			return null;
		}
		String tag = String.valueOf(value).strip().replace('_', '-');
		try {
			Locale locale = new Locale.Builder().setLanguageTag(tag).build();
			if (locale.getLanguage().isEmpty()) {
				throw new IllformedLocaleException("no language");
			}
			return locale.toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			throw new IllegalArgumentException("'" + LOCALE + "' must be a BCP 47 language tag such as en, de or fr-CH, "
					+ "not '" + value + "'");
		}
	}

	/** A time zone id such as {@code Europe/Berlin} or {@code UTC}; null when none is given. */
	static String timeZone(Object value) {
		if (value == null || String.valueOf(value).isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(String.valueOf(value).strip()).getId();
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + TIME_ZONE + "' must be a time zone such as Europe/Berlin or UTC, "
					+ "not '" + value + "'");
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(String name, Object value) {
		if (value == null) {
			return Map.of();
		}
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalArgumentException("'" + name + "' must be a map, not " + value.getClass().getSimpleName());
	}

	enum OnTimeout {

		/** Resume the process with {@code hilStatus = expired}. */
		CONTINUE,

		/** Throw the BPMN error {@code HIL_EXPIRED}. */
		ERROR,

		/** Complete the action with the task's {@code defaultResponse}, answered by {@code timeout}. */
		DEFAULT

	}

}
