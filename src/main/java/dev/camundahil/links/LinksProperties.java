package dev.camundahil.links;

import java.util.ArrayList;
import java.util.List;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signed links in emails and to the chat page.
 */
@ConfigurationProperties(prefix = "hil.links")
public class LinksProperties implements InitializingBean {

	/** The shortest {@code hil.links.secret} accepted, in characters, as its documentation says. */
	static final int MIN_SECRET_LENGTH = 16;

	/** Address of this application as people reach it, the start of every link in emails and chat invitations. */
	private String baseUrl = "http://localhost:8080";

	/**
	 * Key that signs links (at least 16 characters). When empty, a random key is used and links stop working when
	 * the application restarts; several nodes must share one key.
	 */
	private String secret;

	/**
	 * Keys that signed links before the current {@code hil.links.secret}: links signed with them still open, new ones
	 * are signed with the secret. After a rotation, keep the old key here for as long as its links may be used.
	 */
	private List<String> previousSecrets = new ArrayList<>();

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public List<String> getPreviousSecrets() {
		return this.previousSecrets;
	}

	public void setPreviousSecrets(List<String> previousSecrets) {
		this.previousSecrets = (previousSecrets != null) ? previousSecrets : new ArrayList<>();
	}

	/** Whether a secret is set; without one, links are signed with a random key. */
	boolean hasSecret() {
		return this.secret != null && !this.secret.isBlank();
	}

	@Override
	public void afterPropertiesSet() {
		for (int i = 0; i < this.previousSecrets.size(); i++) {
			String previous = this.previousSecrets.get(i);
			int length = (previous != null) ? previous.codePointCount(0, previous.length()) : 0;
			if (length < MIN_SECRET_LENGTH) {
				throw new InvalidSettingException("hil.links.previous-secrets[" + i + "]",
						"is " + length + " characters long; it must have at least " + MIN_SECRET_LENGTH,
						"List in hil.links.previous-secrets only keys that were once hil.links.secret");
			}
		}
		if (!hasSecret()) {
			if (!this.previousSecrets.isEmpty()) {
				throw new InvalidSettingException("hil.links.previous-secrets", "is set while hil.links.secret is empty",
						"Set hil.links.secret to the new key; hil.links.previous-secrets lists the keys it replaced");
			}
			return;
		}
		int length = this.secret.codePointCount(0, this.secret.length());
		if (length < MIN_SECRET_LENGTH) {
			throw new InvalidSettingException("hil.links.secret",
					"is " + length + " characters long; it must have at least " + MIN_SECRET_LENGTH,
					"Set hil.links.secret to a random text of at least " + MIN_SECRET_LENGTH + " characters, the same "
							+ "on every node (for example the output of 'openssl rand -base64 32'), or leave it empty "
							+ "to sign links with a random key that changes at every start");
		}
	}

}
