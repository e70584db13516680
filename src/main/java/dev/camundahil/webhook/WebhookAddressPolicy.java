package dev.camundahil.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps webhooks away from the application's own network (SSRF): only http and https, only to public addresses.
 * A URL is checked when it is given, and every address its host resolves to is checked again when a delivery
 * connects ({@link GuardedDnsResolver}), so a DNS answer that changes later gains nothing. Hosts in
 * {@code hil.webhooks.allowed-hosts} are exempt.
 */
final class WebhookAddressPolicy {

	static final int MAX_URL_LENGTH = 2048;

	private static final Pattern NUMERIC_LABEL = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

	private static final Pattern CANONICAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

	private final Set<String> allowedHosts;

	WebhookAddressPolicy(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts.stream()
			.filter((host) -> host != null && !host.isBlank())
			.map(WebhookAddressPolicy::normalizeHost)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Checks a webhook URL given by a caller, resolving its host now.
	 * @throws RefusedUrlException with a message saying what is wrong with it
	 */
	URI check(String url) {
		if (url == null || url.isBlank()) {
			throw new RefusedUrlException("'url' is required");
		}
		if (url.length() > MAX_URL_LENGTH) {
			throw new RefusedUrlException("'url' must be at most " + MAX_URL_LENGTH + " characters long");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new RefusedUrlException("'url' is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedUrlException("'url' must be an http:// or https:// URL");
		}
		if (uri.getRawAuthority() == null) {
			throw new RefusedUrlException("'url' has no host");
		}
		if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
			throw new RefusedUrlException("'url' must not carry a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw new RefusedUrlException("'url' must not have a fragment (#...)");
		}
		String host = (uri.getHost() != null) ? uri.getHost() : hostOfAuthority(uri.getRawAuthority());
		try {
			resolve(host);
		}
		catch (RefusedAddressException ex) {
			throw new RefusedUrlException("'url' " + ex.getMessage());
		}
		catch (UnknownHostException ex) {
			throw new RefusedUrlException("'url' host " + host + " cannot be resolved");
		}
		if (uri.getHost() == null) {
			throw new RefusedUrlException("'url' has no valid host name");
		}
		return uri;
	}

	/**
	 * Resolves a host the way a delivery connects to it, refusing spellings and addresses that are not public
	 * unless the host is allowed.
	 */
	InetAddress[] resolve(String host) throws UnknownHostException {
		String normalized = normalizeHost(host);
		if (isAllowed(normalized)) {
			return InetAddress.getAllByName(normalized);
		}
		if (host.startsWith("[") || normalized.contains(":")) {
			return new InetAddress[] { ipv6Literal(normalized) };
		}
		if (looksNumeric(normalized) && !isCanonicalIpv4(normalized)) {
			throw new RefusedAddressException("host " + host
					+ " is an unusual spelling of an IP address (decimal, octal or hex); write it as a.b.c.d");
		}
		InetAddress[] addresses = InetAddress.getAllByName(normalized);
		for (InetAddress address : addresses) {
			String reason = refusal(address);
			if (reason != null) {
				throw new RefusedAddressException(
						"must point to a public address; " + host + " is " + describe(address, reason));
			}
		}
		return addresses;
	}

	boolean isAllowed(String host) {
		return this.allowedHosts.contains(normalizeHost(host));
	}

	private InetAddress ipv6Literal(String literal) throws UnknownHostException {
		if (literal.contains("%")) {
			throw new RefusedAddressException("host [" + literal + "] has a zone id; link-scoped addresses are refused");
		}
		if (literal.contains(".")) {
			// ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address that Java would quietly connect to as IPv4
			throw new RefusedAddressException("host [" + literal + "] is an IPv4-mapped IPv6 address; refused");
		}
		InetAddress address = InetAddress.getByName("[" + literal + "]");
		if (address instanceof Inet4Address) {
			throw new RefusedAddressException("host [" + literal + "] is an IPv4-mapped IPv6 address; refused");
		}
		String reason = refusal(address);
		if (reason != null) {
			throw new RefusedAddressException("must point to a public address; [" + literal + "] is " + reason);
		}
		return address;
	}

	/** Why an address is not public, or null when it is. */
	static String refusal(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return "an any-local address";
		}
		if (address.isLoopbackAddress()) {
			return "a loopback address";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address";
		}
		if (address.isSiteLocalAddress()) {
			return "a private address";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return ipv4Refusal(b);
		}
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return "a unique-local address";
			}
			if (isZero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
				return "an IPv4-mapped or IPv4-compatible IPv6 address";
			}
			if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
				return "a NAT64 address";
			}
			if (b[0] == 0x20 && b[1] == 0x02) {
				return "a 6to4 address";
			}
			if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) {
				return "a Teredo address";
			}
			if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
				return "a documentation address";
			}
		}
		return null;
	}

	private static String ipv4Refusal(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return "a 'this network' address";
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return "a shared (carrier-grade NAT) address";
		}
		if (first == 192 && second == 0 && (b[2] == 0 || b[2] == 2)) {
			return "a reserved address";
		}
		if (first == 198 && (second == 18 || second == 19)) {
			return "a benchmarking address";
		}
		if ((first == 198 && second == 51 && (b[2] & 0xff) == 100) || (first == 203 && second == 0 && (b[2] & 0xff) == 113)) {
			return "a documentation address";
		}
		if (first >= 240) {
			return "a reserved or broadcast address";
		}
		return null;
	}

	private static String describe(InetAddress address, String reason) {
		String literal = address.getHostAddress();
		return reason + ((literal.equals(address.getHostName()) ? "" : " (" + literal + ")"));
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** A host is taken as an IPv4 address when its last label is a number, as browsers do. */
	private static boolean looksNumeric(String host) {
		String[] labels = host.split("\\.", -1);
		return NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()
				|| Arrays.stream(labels).allMatch((label) -> NUMERIC_LABEL.matcher(label).matches());
	}

	private static boolean isCanonicalIpv4(String host) {
		String[] labels = host.split("\\.", -1);
		return labels.length == 4 && Arrays.stream(labels)
			.allMatch((label) -> CANONICAL_OCTET.matcher(label).matches() && Integer.parseInt(label) <= 255);
	}

	private static String hostOfAuthority(String authority) {
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = host.lastIndexOf(':');
		return (colon > 0 && !host.endsWith("]")) ? host.substring(0, colon) : host;
	}

	private static String normalizeHost(String host) {
		String normalized = host.strip().toLowerCase(Locale.ROOT);
		if (normalized.startsWith("[") && normalized.endsWith("]")) {
			normalized = normalized.substring(1, normalized.length() - 1);
		}
		return normalized.endsWith(".") ? normalized.substring(0, normalized.length() - 1) : normalized;
	}

	/** A URL a webhook may not have, with a message for the caller. */
	static class RefusedUrlException extends RuntimeException {

		RefusedUrlException(String message) {
			super(message);
		}

	}

	/** A host whose address a delivery may not connect to. */
	static class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String message) {
			super(message);
		}

	}

}
