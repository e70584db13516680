package dev.camundahil.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook secrets for the database with AES-256-GCM, so that a dump of the database alone does not reveal
 * them. The webhook's id is authenticated with the ciphertext, so a sealed secret copied to another row does not
 * open there. Stored form: {@code v1:} + base64(nonce + ciphertext + tag).
 */
final class SecretBox {

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	private SecretBox(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/** A box whose key is derived from a configured text of at least 16 characters. */
	static SecretBox fromConfiguredKey(String configured) {
		if (configured.length() < 16) {
			throw new IllegalStateException("hil.webhooks.encryption-key must be at least 16 characters long");
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update("camunda-hil webhook secrets\n".getBytes(StandardCharsets.UTF_8));
			return new SecretBox(sha256.digest(configured.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static SecretBox withRandomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new SecretBox(key);
	}

	String seal(String secret, UUID webhookId) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, webhookId);
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a webhook secret", ex);
		}
	}

	/**
	 * @throws UnreadableSecretException the secret was sealed with another key (hil.webhooks.encryption-key changed or
	 * is not set) or for another webhook
	 */
	String open(String sealed, UUID webhookId) {
		if (sealed == null || !sealed.startsWith(VERSION)) {
			throw new UnreadableSecretException("the stored secret is not in a known form");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), webhookId);
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new UnreadableSecretException("the stored secret cannot be decrypted with the configured "
					+ "hil.webhooks.encryption-key (it was changed, or is not set and the application restarted)");
		}
	}

	private Cipher cipher(int mode, byte[] nonce, UUID webhookId) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(webhookId.toString().getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

	static class UnreadableSecretException extends RuntimeException {

		UnreadableSecretException(String message) {
			super(message);
		}

	}

}
