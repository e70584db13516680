package dev.camundahil.bpmn;

import java.util.Locale;
import java.util.Optional;

/**
 * How a HIL task hands its outcome to the process: the setting {@code hil.variables}, or the task's parameter
 * {@code variables}, which wins.
 */
public enum VariablesMode {

	/**
	 * {@code hilState} while waiting, then {@code hilActionId}, {@code hilStatus}, {@code hilResponse} and
	 * {@code hilRespondedBy} (and the result variable when the task names one).
	 */
	SEPARATE,

	/**
	 * No variable while waiting, then one JSON variable (the task's {@code resultVariable}, {@code hil} by default)
	 * holding {@code actionId}, {@code status}, {@code response} and {@code respondedBy}.
	 */
	LEAN;

	/** The result variable's name in lean mode when the task names none. */
	public static final String DEFAULT_LEAN_VARIABLE = "hil";

	static Optional<VariablesMode> of(String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "separate" -> Optional.of(SEPARATE);
			case "lean" -> Optional.of(LEAN);
			default -> Optional.empty();
		};
	}

}
