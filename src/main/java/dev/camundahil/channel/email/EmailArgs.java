package dev.camundahil.channel.email;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Reading the email arguments of a task: lists given as lists or comma-separated text, addresses checked.
 */
final class EmailArgs {

	private EmailArgs() {
	}

	static List<String> list(Object value) {
		if (value == null) {
			return List.of();
		}
		Collection<?> items = (value instanceof Collection<?> collection) ? collection
				: Arrays.asList(String.valueOf(value).split(","));
		return items.stream().map(String::valueOf).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	/** The addresses of one argument ({@code to}, {@code cc}, {@code bcc}); a malformed one is refused by name. */
	static List<InternetAddress> addresses(String argument, Object value) {
		List<InternetAddress> addresses = new ArrayList<>();
		for (String entry : list(value)) {
			try {
				InternetAddress address = new InternetAddress(entry, true);
				address.validate();
				addresses.add(address);
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException("'" + argument + "' holds an invalid email address '" + entry + "'");
			}
		}
		return addresses;
	}

}
