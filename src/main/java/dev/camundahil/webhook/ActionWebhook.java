package dev.camundahil.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subscription: which action events are posted to which URL, signed with which secret. The secret column holds
 * the secret sealed by {@link SecretBox}, never the secret itself.
 */
@Entity
@Table(name = "action_webhook")
public class ActionWebhook {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String url;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private List<String> events;

	private String secret;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected ActionWebhook() {
	}

	public ActionWebhook(String url, List<String> events, String secret, boolean active, Instant now) {
		this.id = UUID.randomUUID();
		this.url = url;
		this.events = new ArrayList<>(events);
		this.secret = secret;
		this.active = active;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getUrl() {
		return this.url;
	}

	public List<String> getEvents() {
		return List.copyOf(this.events);
	}

	/** The sealed secret, as stored; {@link SecretBox#open} reads it. */
	public String getSecret() {
		return this.secret;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	void changeUrl(String url, Instant now) {
		this.url = url;
		this.updatedAt = now;
	}

	void changeEvents(List<String> events, Instant now) {
		this.events = new ArrayList<>(events);
		this.updatedAt = now;
	}

	void changeActive(boolean active, Instant now) {
		this.active = active;
		this.updatedAt = now;
	}

	void changeSecret(String sealedSecret, Instant now) {
		this.secret = sealedSecret;
		this.updatedAt = now;
	}

}
