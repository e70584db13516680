package dev.camundahil.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's name resolution for deliveries: every address a webhook host resolves to is checked by the
 * {@link WebhookAddressPolicy} right before the connection is made to it, so the address connected to is the
 * address checked.
 */
final class GuardedDnsResolver implements DnsResolver {

	private final WebhookAddressPolicy policy;

	GuardedDnsResolver(WebhookAddressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return this.policy.resolve(host);
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		// only used for SPNEGO/Kerberos, which deliveries never do; answering without a lookup leaks nothing
		return host;
	}

}
