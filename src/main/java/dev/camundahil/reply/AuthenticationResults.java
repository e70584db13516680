package dev.camundahil.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601), as the receiving server wrote it: its authserv-id and the
 * result of each method, with the properties that name what was checked ({@code header.from},
 * {@code header.d}, …). Comments are dropped; a header that cannot be read yields no results, which vouch for nothing.
 */
record AuthenticationResults(String authservId, List<MethodResult> results) {

	/** One {@code method=result} with its properties, names lower case. */
	record MethodResult(String method, String result, Map<String, String> properties) {

		Optional<String> property(String name) {
			return Optional.ofNullable(this.properties.get(name));
		}

	}

	static Optional<AuthenticationResults> parse(String header) {
		if (header == null) {
			return Optional.empty();
		}
		List<String> parts = split(withoutComments(header.replaceAll("\\r?\\n[ \\t]*", " ")));
		if (parts.isEmpty() || parts.get(0).isBlank()) {
			return Optional.empty();
		}
		// authserv-id, optionally followed by a version
		String authservId = unquote(parts.get(0).strip().split("\\s+")[0]).toLowerCase(Locale.ROOT);
		List<MethodResult> results = new ArrayList<>();
		for (String part : parts.subList(1, parts.size())) {
			methodResult(part).ifPresent(results::add);
		}
		return Optional.of(new AuthenticationResults(authservId, List.copyOf(results)));
	}

	private static Optional<MethodResult> methodResult(String text) {
		List<String> tokens = tokens(text);
		if (tokens.isEmpty()) {
			return Optional.empty();
		}
		String[] method = tokens.get(0).split("=", 2);
		if (method.length != 2 || method[1].isBlank()) {
			return Optional.empty();
		}
		Map<String, String> properties = new LinkedHashMap<>();
		for (String token : tokens.subList(1, tokens.size())) {
			String[] property = token.split("=", 2);
			if (property.length == 2) {
				properties.put(property[0].strip().toLowerCase(Locale.ROOT), unquote(property[1].strip()));
			}
		}
		// a method may carry a version: dkim/1=pass
		String name = method[0].strip().toLowerCase(Locale.ROOT).replaceAll("/.*$", "");
		return Optional.of(new MethodResult(name, unquote(method[1].strip()).toLowerCase(Locale.ROOT), properties));
	}

	/** Splits on ';' outside quoted strings. */
	private static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			if (c == ';' && !quoted) {
				parts.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		parts.add(current.toString());
		return parts;
	}

	/** Splits a result on white space outside quoted strings, keeping {@code name = value} together. */
	private static List<String> tokens(String text) {
		String joined = text.strip().replaceAll("\\s*=\\s*", "=");
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : joined.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (Character.isWhitespace(c) && !quoted) {
				if (!current.isEmpty()) {
					tokens.add(current.toString());
					current.setLength(0);
				}
			}
			else {
				current.append(c);
			}
		}
		if (!current.isEmpty()) {
			tokens.add(current.toString());
		}
		return tokens;
	}

	/** Drops comments: text in parentheses, which may nest, outside quoted strings. */
	private static String withoutComments(String text) {
		StringBuilder kept = new StringBuilder();
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length() && (depth > 0 || quoted)) {
				if (depth == 0) {
					kept.append(c).append(text.charAt(i + 1));
				}
				i++;
				continue;
			}
			if (c == '"' && depth == 0) {
				quoted = !quoted;
			}
			if (!quoted && c == '(') {
				depth++;
				continue;
			}
			if (!quoted && c == ')' && depth > 0) {
				depth--;
				kept.append(' ');
				continue;
			}
			if (depth == 0) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1).replace("\\\"", "\"");
		}
		return value;
	}

}
