package dev.camundahil.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that let a person without an API key do one thing: answer one action from an email link, or follow one
 * chat session. A token carries its purpose, its subject (an action id, a session id) and its expiry, signed with
 * HMAC-SHA256 under the configured secret, so it cannot be forged, stretched, or used for another subject.
 * <p>
 * Format: {@code base64url(purpose "|" subject "|" expiryEpochSeconds) "." base64url(hmac)}.
 */
public final class SignedTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	private final Clock clock;

	public SignedTokens(byte[] secret, Clock clock) {
		if (secret.length < 16) {
			throw new IllegalArgumentException("hil.links.secret must be at least 16 bytes long");
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
		this.clock = clock;
	}

	/** A token for one purpose (such as {@code respond}) and one subject, valid until {@code expiresAt}. */
	public String issue(String purpose, String subject, Instant expiresAt) {
		String payload = purpose + "|" + subject + "|" + expiresAt.getEpochSecond();
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
	}

	/** Checks a token for the given purpose and subject. Never throws on bad input. */
	public Verdict verify(String token, String purpose, String subject) {
		if (token == null || token.length() > 1024) {
			return Verdict.INVALID;
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return Verdict.INVALID;
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(token.substring(0, dot));
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Verdict.INVALID;
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			return Verdict.INVALID;
		}
		String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		if (parts.length != 3 || !parts[0].equals(purpose) || !parts[1].equals(subject)) {
			return Verdict.INVALID;
		}
		long expiry;
		try {
			expiry = Long.parseLong(parts[2]);
		}
		catch (NumberFormatException ex) {
			return Verdict.INVALID;
		}
		return (this.clock.instant().getEpochSecond() < expiry) ? Verdict.VALID : Verdict.EXPIRED;
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	public enum Verdict {

		VALID,

		/** Genuine, but past its expiry. */
		EXPIRED,

		/** Forged, tampered, malformed, or for another purpose or subject. */
		INVALID

	}

}
