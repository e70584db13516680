package dev.camundahil.action;

import java.util.Arrays;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Where an action stands. It starts {@code pending} and ends in exactly one of the other three.
 */
public enum ActionStatus {

	PENDING, COMPLETED, EXPIRED, CANCELLED;

	/** The spelling used in the database, the API and process variables. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ActionStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value().equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown status '" + value + "'; expected one of pending, completed, expired, cancelled"));
	}

	@Converter(autoApply = true)
	static class DatabaseConverter implements AttributeConverter<ActionStatus, String> {

		@Override
		public String convertToDatabaseColumn(ActionStatus status) {
			return (status != null) ? status.value() : null;
		}

		@Override
		public ActionStatus convertToEntityAttribute(String value) {
			return (value != null) ? of(value) : null;
		}

	}

}
