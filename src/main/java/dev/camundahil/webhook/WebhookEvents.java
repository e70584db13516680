package dev.camundahil.webhook;

import java.util.List;
import java.util.stream.Stream;

import dev.camundahil.action.ActionEvent;

/**
 * The event names a webhook subscribes to, and {@code *} for all of them.
 */
final class WebhookEvents {

	static final String ALL = "*";

	static final List<String> KNOWN = Stream.of(ActionEvent.Type.values()).map(ActionEvent.Type::value).toList();

	private WebhookEvents() {
	}

	static boolean isKnown(String name) {
		return ALL.equals(name) || KNOWN.contains(name);
	}

	static boolean matches(List<String> subscribed, String type) {
		return subscribed.contains(ALL) || subscribed.contains(type);
	}

}
