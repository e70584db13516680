package dev.camundahil.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook secrets as the Standard Webhooks specification has them: {@code whsec_} + base64 of 24 to 64 random
 * bytes.
 */
final class WebhookSecrets {

	static final String PREFIX = "whsec_";

	private static final int GENERATED_BYTES = 32;

	private static final SecureRandom random = new SecureRandom();

	private WebhookSecrets() {
	}

	static String generate() {
		byte[] key = new byte[GENERATED_BYTES];
		random.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** Why a secret given by a caller cannot be used, or null when it can. Never repeats the secret. */
	static String problemWith(String secret) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			return "'secret' must be whsec_ followed by base64 (standard alphabet, with padding)";
		}
		if (key.length < 24 || key.length > 64) {
			return "'secret' must encode 24 to 64 bytes, not " + key.length;
		}
		return null;
	}

}
