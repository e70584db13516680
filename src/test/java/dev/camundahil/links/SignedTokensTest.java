package dev.camundahil.links;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.camundahil.links.SignedTokens.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private final SignedTokens tokens = new SignedTokens("a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsItsOwnTokenForTheSameSubjectAndPurpose() {
		String token = this.tokens.issue("respond", "action-1", NOW.plusSeconds(60));
		assertThat(this.tokens.verify(token, "respond", "action-1")).isEqualTo(Verdict.VALID);
	}

	@Test
	void refusesAnotherSubjectOrPurpose() {
		String token = this.tokens.issue("respond", "action-1", NOW.plusSeconds(60));
		assertThat(this.tokens.verify(token, "respond", "action-2")).isEqualTo(Verdict.INVALID);
		assertThat(this.tokens.verify(token, "chat", "action-1")).isEqualTo(Verdict.INVALID);
	}

	@Test
	void reportsExpiryOfAGenuineToken() {
		String token = this.tokens.issue("respond", "action-1", NOW.minusSeconds(1));
		assertThat(this.tokens.verify(token, "respond", "action-1")).isEqualTo(Verdict.EXPIRED);
	}

	@Test
	void refusesTamperedForgedAndMalformedTokens() {
		String token = this.tokens.issue("respond", "action-1", NOW.plusSeconds(60));
		String stretched = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("respond|action-1|9999999999".getBytes(StandardCharsets.UTF_8))
				+ token.substring(token.indexOf('.'));
		SignedTokens otherKey = new SignedTokens("another-secret-of-length".getBytes(StandardCharsets.UTF_8),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(this.tokens.verify(stretched, "respond", "action-1")).isEqualTo(Verdict.INVALID);
		assertThat(this.tokens.verify(otherKey.issue("respond", "action-1", NOW.plusSeconds(60)), "respond",
				"action-1")).isEqualTo(Verdict.INVALID);
		for (String bad : new String[] { null, "", ".", "abc", "a.b.c", "!!!.???", token + "x", "x" + token }) {
			assertThat(this.tokens.verify(bad, "respond", "action-1")).as(String.valueOf(bad)).isEqualTo(Verdict.INVALID);
		}
	}

	@Test
	void subjectsCannotSmuggleTheSeparator() {
		String token = this.tokens.issue("respond", "a|b", NOW.plusSeconds(60));
		assertThat(this.tokens.verify(token, "respond", "a")).isEqualTo(Verdict.INVALID);
	}

}
