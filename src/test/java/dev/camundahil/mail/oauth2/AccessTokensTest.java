package dev.camundahil.mail.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keeping and replacing one mailbox's access token, on a clock the test moves.
 */
class AccessTokensTest {

	private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");

	private Instant now = START;

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return AccessTokensTest.this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	};

	/** The refresh token each request carried. */
	private final List<String> requests = new ArrayList<>();

	private final MailOAuth2Properties properties = new MailOAuth2Properties();

	AccessTokensTest() {
		this.properties.setTokenUri("https://login.example.test/tenant/token");
		this.properties.setClientSecret("very-secret");
		this.properties.setRefreshToken("refresh-0");
	}

	@Test
	void aTokenIsKeptUntilAMinuteBeforeItExpires() throws Exception {
		AccessTokens tokens = tokens(Duration.ofHours(1));

		assertThat(tokens.token()).isEqualTo("token-1");
		this.now = START.plus(Duration.ofMinutes(58));
		assertThat(tokens.token()).isEqualTo("token-1");
		this.now = START.plus(Duration.ofMinutes(59)).plusSeconds(1);
		assertThat(tokens.token()).isEqualTo("token-2");
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void aRefusedTokenIsReplacedButANewerOneIsKept() throws Exception {
		AccessTokens tokens = tokens(Duration.ofHours(1));
		String first = tokens.token();

		tokens.refused(first);
		String second = tokens.token();
		// a second sender that still had the first token reports it late: the new one stays
		tokens.refused(first);

		assertThat(second).isEqualTo("token-2");
		assertThat(tokens.token()).isEqualTo("token-2");
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void aRefreshTokenTheServerReplacesIsUsedNextTime() throws Exception {
		AccessTokens tokens = tokens(Duration.ofHours(1));
		tokens.token();
		tokens.refused("token-1");
		tokens.token();

		assertThat(this.requests).containsExactly("refresh-0", "refresh-1");
	}

	@Test
	void aRefusalByTheTokenEndpointNamesItsErrorButNoSecret() {
		AccessTokens tokens = new AccessTokens("hil.mail.oauth2", this.properties, (refreshToken) -> {
			throw new OAuth2AuthorizationException(new OAuth2Error("invalid_client", "Client secret is wrong", null));
		}, this.clock);

		assertThatThrownBy(tokens::token).isInstanceOf(MessagingException.class)
			.hasMessage("Could not get an OAuth2 access token for hil.mail.oauth2 from "
					+ "https://login.example.test/tenant/token: invalid_client (Client secret is wrong)")
			.hasMessageNotContaining("very-secret");
	}

	private AccessTokens tokens(Duration lifetime) {
		return new AccessTokens("hil.mail.oauth2", this.properties, (refreshToken) -> {
			this.requests.add(refreshToken.getTokenValue());
			int n = this.requests.size();
			return OAuth2AccessTokenResponse.withToken("token-" + n)
				.tokenType(OAuth2AccessToken.TokenType.BEARER)
				.expiresIn(lifetime.toSeconds())
				.refreshToken("refresh-" + n)
				.build();
		}, this.clock);
	}

}
