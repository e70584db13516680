package dev.camundahil.action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Passing a pending action from some of its recipients to others.
 *
 * @param from the recipients who no longer answer it; empty for all current ones
 * @param to the people who answer it from now on, at least one
 * @param reason why, for the audit and the people it goes to (may be null)
 * @param by who passes it on: an API user, or a recipient delegating it
 * @param delegated whether a recipient passes it on themselves, from their own link
 */
public record Reassignment(List<String> from, List<String> to, String reason, String by, boolean delegated) {

	public Reassignment {
		from = copy(from);
		to = copy(to);
	}

	/** A copy that keeps null entries, so that the check of the addresses names them instead of failing on them. */
	private static List<String> copy(List<String> addresses) {
		return (addresses != null) ? Collections.unmodifiableList(new ArrayList<>(addresses)) : List.of();
	}

}
