package dev.camundahil.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camundahil.reply.AuthenticationResults.MethodResult;

/**
 * Whether the server that received a reply vouches for its {@code From} ({@code
 * hil.mail.inbound.require-authenticated-sender}): one of its {@code Authentication-Results} headers, from a server
 * named in {@code hil.mail.inbound.trusted-authserv-ids}, says {@code dmarc=pass}, or {@code dkim=pass} for a signing
 * domain aligned with the {@code From} domain. Headers of any other authserv-id are ignored: anyone can write them.
 */
final class SenderAuthentication {

	private final boolean required;

	private final Set<String> trustedAuthservIds;

	SenderAuthentication(boolean required, List<String> trustedAuthservIds) {
		this.required = required;
		this.trustedAuthservIds = trustedAuthservIds.stream()
			.map((id) -> id.strip().toLowerCase(Locale.ROOT))
			.filter((id) -> !id.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Why the reply is not taken as coming from its sender; empty when it is (or when nothing is required). */
	Optional<String> refusal(String from, List<String> headers) {
		if (!this.required) {
			return Optional.empty();
		}
		String fromDomain = domain(from);
		if (fromDomain == null) {
			return Optional.of("the sender has no address to authenticate");
		}
		List<String> seen = new ArrayList<>();
		for (String header : headers) {
			Optional<AuthenticationResults> parsed = AuthenticationResults.parse(header);
			if (parsed.isEmpty() || !this.trustedAuthservIds.contains(parsed.get().authservId())) {
				continue;
			}
			for (MethodResult result : parsed.get().results()) {
				if (vouches(result, fromDomain)) {
					return Optional.empty();
				}
				if (result.method().equals("dmarc") || result.method().equals("dkim")) {
					seen.add(result.method() + "=" + result.result() + result.property("header.d")
						.or(() -> result.property("header.from"))
						.map((domain) -> " (" + domain + ")")
						.orElse(""));
				}
			}
		}
		if (seen.isEmpty()) {
			return Optional.of("the receiving server vouches for no sender: no Authentication-Results header of "
					+ String.join(", ", this.trustedAuthservIds.stream().sorted().toList())
					+ " with a DMARC or DKIM result");
		}
		return Optional.of("the receiving server does not vouch for the sender " + from + ": " + String.join(", ", seen)
				+ "; dmarc=pass, or dkim=pass for " + fromDomain + ", is required");
	}

	private static boolean vouches(MethodResult result, String fromDomain) {
		if (!result.result().equals("pass")) {
			return false;
		}
		if (result.method().equals("dmarc")) {
			// DMARC aligned the domains itself; where the server names the From domain it checked, it must be ours
			return result.property("header.from").map((domain) -> domain.equalsIgnoreCase(fromDomain)).orElse(true);
		}
		if (result.method().equals("dkim")) {
			return result.property("header.d")
				.or(() -> result.property("header.i").map(SenderAuthentication::domain))
				.map((signer) -> aligned(signer.toLowerCase(Locale.ROOT), fromDomain))
				.orElse(false);
		}
		return false;
	}

	/**
	 * Relaxed alignment (RFC 7489): the signing domain and the {@code From} domain are the same, or one is a
	 * subdomain of the other.
	 */
	static boolean aligned(String signer, String fromDomain) {
		return signer.equals(fromDomain) || fromDomain.endsWith("." + signer) || signer.endsWith("." + fromDomain);
	}

	private static String domain(String address) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		String domain = (at >= 0) ? address.substring(at + 1) : address;
		domain = domain.strip().toLowerCase(Locale.ROOT);
		return domain.isEmpty() ? null : domain;
	}

}
