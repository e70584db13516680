package dev.camundahil.webhook;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

	final SecretBox box = SecretBox.fromConfiguredKey("a key of sixteen+ characters");

	final UUID webhook = UUID.randomUUID();

	@Test
	void sealsSoThatOnlyTheSameKeyAndWebhookOpen() {
		String secret = WebhookSecrets.generate();
		String sealed = this.box.seal(secret, this.webhook);

		assertThat(sealed).startsWith("v1:").doesNotContain(secret.substring(6));
		assertThat(this.box.seal(secret, this.webhook)).as("a fresh nonce every time").isNotEqualTo(sealed);
		assertThat(this.box.open(sealed, this.webhook)).isEqualTo(secret);
		assertThat(SecretBox.fromConfiguredKey("a key of sixteen+ characters").open(sealed, this.webhook))
			.isEqualTo(secret);
		assertThatThrownBy(() -> this.box.open(sealed, UUID.randomUUID()))
			.isInstanceOf(SecretBox.UnreadableSecretException.class);
		assertThatThrownBy(() -> SecretBox.fromConfiguredKey("another key, also long").open(sealed, this.webhook))
			.isInstanceOf(SecretBox.UnreadableSecretException.class)
			.hasMessageContaining("hil.webhooks.encryption-key");
		assertThatThrownBy(() -> this.box.open(secret, this.webhook))
			.isInstanceOf(SecretBox.UnreadableSecretException.class);
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatThrownBy(() -> SecretBox.fromConfiguredKey("short")).isInstanceOf(IllegalStateException.class);
	}

}
