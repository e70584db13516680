package dev.camundahil.channel.email;

import java.util.ArrayList;
import java.util.List;

import dev.camundahil.action.ArgumentList;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Reading the email arguments of a task: lists given as lists or comma-separated text, addresses checked.
 */
final class EmailArgs {

	private EmailArgs() {
	}

	/** The addresses of one argument ({@code to}, {@code cc}, {@code bcc}); a malformed one is refused by name. */
	static List<InternetAddress> addresses(String argument, Object value) {
		List<InternetAddress> addresses = new ArrayList<>();
		for (String entry : ArgumentList.of(value)) {
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
