package dev.camundahil.action;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an action stands. It starts {@code pending} and ends in exactly one of the other three.
 */
public enum ActionStatus {

	PENDING, COMPLETED, EXPIRED, CANCELLED;

	private static final ActionStatus[] VALUES = values();

	/** The spelling used in the database, the API and process variables. */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static ActionStatus of(String value) {
		for (ActionStatus status : VALUES) {
			if (status.value().equalsIgnoreCase(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException(
				"Unknown status '" + value + "'; expected one of pending, completed, expired, cancelled");
	}

}
