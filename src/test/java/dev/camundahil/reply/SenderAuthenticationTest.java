package dev.camundahil.reply;

import java.util.List;

import dev.camundahil.InvalidSettingException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the receiving server's {@code Authentication-Results} headers must say before a reply counts as its sender's.
 */
class SenderAuthenticationTest {

	final SenderAuthentication required = new SenderAuthentication(true, List.of("MX.Example.com", " "));

	@Test
	void nothingIsRequiredWhenOff() {
		assertThat(new SenderAuthentication(false, List.of()).refusal("ann@example.com", List.of())).isEmpty();
	}

	@Test
	void aReplyWithoutHeadersIsRefused() {
		assertThat(this.required.refusal("ann@example.com", List.of())).get(InstanceOfAssertFactories.STRING)
			.contains("vouches for no sender")
			.contains("mx.example.com");
	}

	@Test
	void headersOfAnUntrustedServerAreIgnored() {
		assertThat(this.required.refusal("ann@example.com",
				List.of("mx.attacker.test; dmarc=pass header.from=example.com; dkim=pass header.d=example.com")))
			.get(InstanceOfAssertFactories.STRING)
			.contains("vouches for no sender");
	}

	@Test
	void dmarcPassFromATrustedServerVouches() {
		assertThat(this.required.refusal("ann@example.com", List.of(
				"mx.example.com 1; spf=pass smtp.mailfrom=example.com;\r\n\tdmarc=pass (p=reject dis=none) header.from=example.com")))
			.isEmpty();
	}

	@Test
	void dmarcPassForAnotherFromDomainDoesNot() {
		assertThat(this.required.refusal("ann@example.com",
				List.of("mx.example.com; dmarc=pass header.from=elsewhere.test")))
			.get(InstanceOfAssertFactories.STRING)
			.contains("dmarc=pass (elsewhere.test)");
	}

	@Test
	void failingResultsAreNamedInTheReason() {
		assertThat(this.required.refusal("ann@example.com",
				List.of("mx.example.com; dkim=fail (bad signature) header.d=example.com; dmarc=fail header.from=example.com")))
			.get(InstanceOfAssertFactories.STRING)
			.contains("dkim=fail (example.com)")
			.contains("dmarc=fail (example.com)");
	}

	@Test
	void dkimPassVouchesOnlyForAnAlignedDomain() {
		assertThat(this.required.refusal("ann@example.com", List.of("mx.example.com; dkim=pass header.d=example.com")))
			.isEmpty();
		assertThat(this.required.refusal("ann@sales.example.com",
				List.of("mx.example.com; dkim=pass header.i=@example.com")))
			.isEmpty();
		assertThat(this.required.refusal("ann@example.com",
				List.of("mx.example.com; dkim=pass header.d=mailer.test")))
			.get(InstanceOfAssertFactories.STRING)
			.contains("dkim=pass (mailer.test)");
		assertThat(this.required.refusal("ann@example.com",
				List.of("mx.example.com; dkim=pass header.d=notexample.com")))
			.isPresent();
	}

	@Test
	void aForgedHeaderBesideTheTrustedOneChangesNothing() {
		assertThat(this.required.refusal("ann@example.com", List.of("mx.attacker.test; dmarc=pass",
				"mx.example.com; dmarc=fail header.from=example.com")))
			.isPresent();
	}

	@Test
	void commentsAndQuotedValuesAreRead() {
		AuthenticationResults results = AuthenticationResults
			.parse("mx.example.com (\"Postfix\" (nested)); dkim=pass (2048-bit key; unprotected) "
					+ "header.d=\"example.com\" header.s=s1; none")
			.orElseThrow();
		assertThat(results.authservId()).isEqualTo("mx.example.com");
		assertThat(results.results()).hasSize(1);
		assertThat(results.results().get(0).method()).isEqualTo("dkim");
		assertThat(results.results().get(0).result()).isEqualTo("pass");
		assertThat(results.results().get(0).property("header.d")).contains("example.com");
	}

	@Test
	void requiringWithoutATrustedServerIsASettingError() {
		InboundMailProperties properties = new InboundMailProperties();
		properties.setRequireAuthenticatedSender(true);

		assertThatThrownBy(properties::afterPropertiesSet).isInstanceOf(InvalidSettingException.class)
			.hasMessageContaining("hil.mail.inbound.trusted-authserv-ids is empty");
		properties.setTrustedAuthservIds(List.of("mx.example.com"));
		properties.afterPropertiesSet();
	}

	@Test
	void aSenderWithoutAnAddressIsRefused() {
		assertThat(this.required.refusal(null, List.of("mx.example.com; dmarc=pass"))).isPresent();
	}

}
