package dev.camundahil.webhook;

import java.net.InetAddress;
import java.util.List;

import dev.camundahil.webhook.WebhookAddressPolicy.RefusedUrlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which addresses webhooks may reach. IP literals only, so nothing here depends on DNS.
 */
class WebhookAddressPolicyTest {

	final WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of("localhost", "127.0.0.1"));

	final WebhookAddressPolicy strict = new WebhookAddressPolicy(List.of());

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://169.254.169.254/latest/meta-data | link-local
			http://10.0.0.1/                        | private
			http://172.16.5.4/                      | private
			http://192.168.0.10/                    | private
			http://127.0.0.2/                       | loopback
			http://0.0.0.0/                         | any-local
			http://100.64.0.1/                      | shared
			http://224.0.0.1/                       | multicast
			http://255.255.255.255/                 | broadcast
			http://[::1]/                           | loopback
			http://[::]/                            | any-local
			http://[fe80::1]/                       | link-local
			http://[fd12:3456::1]/                  | unique-local
			http://[ff02::1]/                       | multicast
			http://[::ffff:127.0.0.1]/              | IPv4-mapped
			http://[::ffff:7f00:1]/                 | IPv4-mapped
			http://[::ffff:169.254.169.254]/        | IPv4-mapped
			http://[64:ff9b::a00:1]/                | NAT64
			http://[2002:a00:1::]/                  | 6to4
			http://2130706433/                      | unusual spelling
			http://0x7f000001/                      | unusual spelling
			http://0x7f.1/                          | unusual spelling
			http://0177.0.0.1/                      | unusual spelling
			http://127.1/                           | unusual spelling
			http://017700000001/                    | unusual spelling
			ftp://example.com/                      | http:// or https://
			file:///etc/passwd                      | http:// or https://
			javascript:alert(1)                     | http:// or https://
			http://user@example.com/                | user name or password
			http:///path                            | host
			""")
	void refused(String url, String reason) {
		assertThatThrownBy(() -> this.policy.check(url)).isInstanceOf(RefusedUrlException.class)
			.hasMessageContaining(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.215.14/hook", "http://8.8.8.8:8080/x?y=1", "https://[2606:4700::1111]/",
			"http://127.0.0.1:9000/hook", "http://LOCALHOST:9000/hook" })
	void allowed(String url) {
		assertThatCode(() -> this.policy.check(url)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/hook", "http://localhost/hook" })
	void loopbackNeedsTheAllowList(String url) {
		assertThatThrownBy(() -> this.strict.check(url)).isInstanceOf(RefusedUrlException.class)
			.hasMessageContaining("loopback");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "::1", "fc00::1", "169.254.0.1" })
	void connectingRefusesWhatCreationRefuses(String address) throws Exception {
		assertThat(WebhookAddressPolicy.refusal(InetAddress.getByName(address))).isNotNull();
		assertThatThrownBy(() -> this.strict.resolve(address))
			.isInstanceOf(WebhookAddressPolicy.RefusedAddressException.class);
	}

}
