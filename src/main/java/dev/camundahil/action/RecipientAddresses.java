package dev.camundahil.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses of recipients as a reassignment names them: stripped, checked to be one address each, and compared
 * without regard to case, as mail systems compare them in practice.
 */
final class RecipientAddresses {

	static final int MAX_LENGTH = 320;

	/** The most addresses one side of a reassignment names: a question is for a few people, not a mailing list. */
	static final int MAX_ADDRESSES = 100;

	private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"()\\[\\]]+@[^\\s@<>,;\"()\\[\\]]+");

	private RecipientAddresses() {
	}

	/** The addresses, each once; the message of the exception names the first one that is no address. */
	static List<String> checked(String field, List<String> addresses) {
		if (addresses.size() > MAX_ADDRESSES) {
			throw new InvalidReassignmentException("'" + field + "' names " + addresses.size() + " addresses; at most "
					+ MAX_ADDRESSES + " are taken");
		}
		List<String> checked = new ArrayList<>();
		for (String address : addresses) {
			if (address == null) {
				throw new InvalidReassignmentException("'" + field + "' holds null, which is not an email address "
						+ "such as ann@example.com");
			}
			String value = address.strip();
			if (value.isEmpty() || value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()) {
				throw new InvalidReassignmentException("'" + field + "' holds '" + value + "', which is not an email "
						+ "address such as ann@example.com");
			}
			if (checked.stream().noneMatch((seen) -> same(seen, value))) {
				checked.add(value);
			}
		}
		return checked;
	}

	static boolean same(String one, String other) {
		return one.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
	}

	static boolean contains(List<String> addresses, String address) {
		return addresses.stream().anyMatch((candidate) -> same(candidate, address));
	}

}
