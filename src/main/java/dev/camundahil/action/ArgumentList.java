package dev.camundahil.action;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Reads a task argument that names several things: modelers write a list (an expression, JSON) or comma-separated
 * text, and every feature must read both the same way.
 */
public final class ArgumentList {

	private ArgumentList() {
	}

	/** The items of a list or of comma-separated text, stripped, without blanks; none for null. */
	public static List<String> of(Object value) {
		if (value == null) {
			return List.of();
		}
		Collection<?> items;
		if (value instanceof Collection<?> collection) {
			items = collection;
		}
		else if (value instanceof Object[] array) {
			items = Arrays.asList(array);
		}
		else {
			items = Arrays.asList(String.valueOf(value).split(","));
		}
		return items.stream().map(String::valueOf).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

}
