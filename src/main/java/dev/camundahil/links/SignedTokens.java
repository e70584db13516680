package dev.camundahil.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that let a person without an API key do one thing: answer one action from an email link, or follow one
 * chat session. A token carries its purpose, its subject (an action id, a session id) and its expiry, signed with
 * HMAC-SHA256 under the configured secret, so it cannot be forged, stretched, or used for another subject.
 * <p>
 * Format: {@code base64url(purpose "|" subject "|" expiryEpochSeconds) "." base64url(hmac) "." keyId}. The key id
 * names the secret that signed it, so that after a rotation a token signed with one of the previous secrets is still
 * verified with that secret. Tokens without a key id, issued before key ids existed, are tried with every secret.
 */
public final class SignedTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** The signing key first, then the previous ones, each by its key id. */
	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	private final String currentKeyId;

	private final Clock clock;

	public SignedTokens(byte[] secret, Clock clock) {
		this(secret, List.of(), clock);
	}

	/**
	 * @param secret the key that signs new tokens
	 * @param previousSecrets keys that signed earlier tokens and still verify them
	 */
	public SignedTokens(byte[] secret, List<byte[]> previousSecrets, Clock clock) {
		this.currentKeyId = add(secret);
		previousSecrets.forEach(this::add);
		this.clock = clock;
	}

	private String add(byte[] secret) {
		if (secret.length < 16) {
			throw new IllegalArgumentException("hil.links.secret must be at least 16 bytes long");
		}
		String keyId = keyId(secret);
		this.keys.putIfAbsent(keyId, new SecretKeySpec(secret.clone(), ALGORITHM));
		return keyId;
	}

	/**
	 * The key id of a secret: the first 6 bytes of a SHA-256 of it, as 8 base64url characters. It tells keys apart
	 * and reveals nothing usable about the secret.
	 */
	static String keyId(byte[] secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update("camunda-hil link key ".getBytes(StandardCharsets.UTF_8));
			byte[] hash = digest.digest(secret);
			return ENCODER.encodeToString(java.util.Arrays.copyOf(hash, 6));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The id of the key that signs new tokens. */
	public String currentKeyId() {
		return this.currentKeyId;
	}

	/** A token for one purpose (such as {@code respond}) and one subject, valid until {@code expiresAt}. */
	public String issue(String purpose, String subject, Instant expiresAt) {
		String payload = purpose + "|" + subject + "|" + expiresAt.getEpochSecond();
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(this.keys.get(this.currentKeyId), bytes))
				+ "." + this.currentKeyId;
	}

	/** Checks a token for the given purpose and subject. Never throws on bad input. */
	public Verdict verify(String token, String purpose, String subject) {
		Optional<String[]> parts = genuine(token);
		if (parts.isEmpty()) {
			return Verdict.INVALID;
		}
		String[] fields = parts.get();
		if (!fields[0].equals(purpose) || !fields[1].equals(subject)) {
			return Verdict.INVALID;
		}
		return verdict(fields[2]);
	}

	/**
	 * Checks a token for the given purpose and subject against a deadline its subject keeps, such as an action's
	 * current deadline, instead of the copy signed into the token: a subject whose deadline moved keeps its tokens.
	 * Without a deadline ({@code null}), the token's own expiry counts, as in {@link #verify(String, String, String)}.
	 * Never throws on bad input.
	 */
	public Verdict verify(String token, String purpose, String subject, Instant validUntil) {
		Verdict verdict = verify(token, purpose, subject);
		if (verdict == Verdict.INVALID || validUntil == null) {
			return verdict;
		}
		return this.clock.instant().isBefore(validUntil) ? Verdict.VALID : Verdict.EXPIRED;
	}

	/**
	 * The subject of a genuine token for the given purpose, with its verdict; empty when the token is forged,
	 * malformed or for another purpose. For tokens whose subject the holder should not need to name, such as a chat
	 * link bound to a person.
	 */
	public Optional<Reading> read(String token, String purpose) {
		Optional<String[]> parts = genuine(token);
		if (parts.isEmpty() || !parts.get()[0].equals(purpose)) {
			return Optional.empty();
		}
		Verdict verdict = verdict(parts.get()[2]);
		return (verdict == Verdict.INVALID) ? Optional.empty() : Optional.of(new Reading(parts.get()[1], verdict));
	}

	/** The purpose, subject and expiry of a token whose signature is right, or empty. */
	private Optional<String[]> genuine(String token) {
		if (token == null || token.length() > 1024) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
			return Optional.empty();
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(parts[0]);
			signature = DECODER.decode(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		List<SecretKeySpec> candidates = new ArrayList<>();
		if (parts.length == 3) {
			SecretKeySpec key = this.keys.get(parts[2]);
			if (key != null) {
				candidates.add(key);
			}
		}
		else {
			candidates.addAll(this.keys.values());
		}
		boolean signed = false;
		for (SecretKeySpec key : candidates) {
			signed |= MessageDigest.isEqual(sign(key, payload), signature);
		}
		if (!signed) {
			return Optional.empty();
		}
		String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		return (fields.length == 3) ? Optional.of(fields) : Optional.empty();
	}

	private Verdict verdict(String expiryField) {
		long expiry;
		try {
			expiry = Long.parseLong(expiryField);
		}
		catch (NumberFormatException ex) {
			return Verdict.INVALID;
		}
		return (this.clock.instant().getEpochSecond() < expiry) ? Verdict.VALID : Verdict.EXPIRED;
	}

	private static byte[] sign(SecretKeySpec key, byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * A genuine token's subject.
	 *
	 * @param subject what the token is for
	 * @param verdict {@link Verdict#VALID} or {@link Verdict#EXPIRED}
	 */
	public record Reading(String subject, Verdict verdict) {
	}

	public enum Verdict {

		VALID,

		/** Genuine, but past its expiry. */
		EXPIRED,

		/** Forged, tampered, malformed, or for another purpose or subject. */
		INVALID

	}

}
