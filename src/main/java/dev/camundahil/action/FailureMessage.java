package dev.camundahil.action;

import org.springframework.core.NestedExceptionUtils;

/**
 * What went wrong, as one line for an audit entry or a log: the exception and, when it only wraps another, the root
 * cause, which usually says what happened. Cut to {@value #MAX_LENGTH} characters.
 */
public final class FailureMessage {

	public static final int MAX_LENGTH = 2000;

	private FailureMessage() {
	}

	public static String of(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (root != ex && (ex.getMessage() == null || !ex.getMessage().contains(String.valueOf(root.getMessage())))) {
			error += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
		}
		return (error.length() > MAX_LENGTH) ? error.substring(0, MAX_LENGTH) : error;
	}

}
