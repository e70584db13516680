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
	void aDeadlineTheSubjectKeepsOverridesTheOneSignedIntoTheToken() {
		String old = this.tokens.issue("respond", "action-1", NOW.minusSeconds(1));
		String longLived = this.tokens.issue("respond", "action-1", NOW.plusSeconds(3600));
		assertThat(this.tokens.verify(old, "respond", "action-1", NOW.plusSeconds(60))).isEqualTo(Verdict.VALID);
		assertThat(this.tokens.verify(longLived, "respond", "action-1", NOW)).isEqualTo(Verdict.EXPIRED);
		assertThat(this.tokens.verify(old, "respond", "action-1", null)).isEqualTo(Verdict.EXPIRED);
		assertThat(this.tokens.verify(old, "respond", "action-2", NOW.plusSeconds(60))).isEqualTo(Verdict.INVALID);
		assertThat(this.tokens.verify(old + "x", "respond", "action-1", NOW.plusSeconds(60))).isEqualTo(Verdict.INVALID);
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

	@Test
	void tokensNameTheirKeyAndThoseOfAPreviousKeyStillVerifyAfterARotation() {
		byte[] old = "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8);
		byte[] current = "the-new-secret-after-rotation".getBytes(StandardCharsets.UTF_8);
		String signedBefore = this.tokens.issue("respond", "action-1", NOW.plusSeconds(60));
		String beforeKeyIds = signedBefore.substring(0, signedBefore.lastIndexOf('.'));
		SignedTokens rotated = new SignedTokens(current, java.util.List.of(old), Clock.fixed(NOW, ZoneOffset.UTC));
		SignedTokens withoutOld = new SignedTokens(current, Clock.fixed(NOW, ZoneOffset.UTC));

		assertThat(signedBefore).endsWith("." + SignedTokens.keyId(old));
		assertThat(rotated.verify(signedBefore, "respond", "action-1")).isEqualTo(Verdict.VALID);
		assertThat(rotated.verify(beforeKeyIds, "respond", "action-1")).isEqualTo(Verdict.VALID);
		assertThat(withoutOld.verify(signedBefore, "respond", "action-1")).isEqualTo(Verdict.INVALID);
		assertThat(withoutOld.verify(beforeKeyIds, "respond", "action-1")).isEqualTo(Verdict.INVALID);
		String signedAfter = rotated.issue("respond", "action-1", NOW.plusSeconds(60));
		assertThat(signedAfter).endsWith("." + rotated.currentKeyId()).doesNotEndWith("." + SignedTokens.keyId(old));
		assertThat(this.tokens.verify(signedAfter, "respond", "action-1")).isEqualTo(Verdict.INVALID);
		// a token naming the old key cannot be re-signed with it by someone holding only the new one
		String relabelled = signedAfter.substring(0, signedAfter.lastIndexOf('.') + 1) + SignedTokens.keyId(old);
		assertThat(rotated.verify(relabelled, "respond", "action-1")).isEqualTo(Verdict.INVALID);
	}

	@Test
	void aGenuineTokenTellsItsSubject() {
		String token = this.tokens.issue("chat-person", "session-1/YW5u", NOW.plusSeconds(60));
		assertThat(this.tokens.read(token, "chat-person")).hasValueSatisfying((reading) -> {
			assertThat(reading.subject()).isEqualTo("session-1/YW5u");
			assertThat(reading.verdict()).isEqualTo(Verdict.VALID);
		});
		assertThat(this.tokens.read(token, "chat")).isEmpty();
		assertThat(this.tokens.read(token.substring(0, token.length() - 3) + "xyz", "chat-person")).isEmpty();
	}

}
