package dev.camundahil.action;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One thing that happened to an action: a transition, a dispatch, a rejected reply. Written once, never changed.
 */
@Entity
@Immutable
@Table(name = "action_audit")
public class ActionAudit {

	@Id
	private UUID id;

	@Column(name = "action_id", nullable = false)
	private UUID actionId;

	@Column(nullable = false)
	private String event;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false)
	private Map<String, Object> data;

	@Column(name = "user_id")
	private String userId;

	@Column(nullable = false)
	private Instant timestamp;

	protected ActionAudit() {
	}

	ActionAudit(UUID actionId, String event, Map<String, Object> data, String userId, Instant timestamp) {
		this.id = UUID.randomUUID();
		this.actionId = actionId;
		this.event = event;
		this.data = new LinkedHashMap<>(data);
		this.userId = userId;
		this.timestamp = timestamp;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getActionId() {
		return this.actionId;
	}

	public String getEvent() {
		return this.event;
	}

	public Map<String, Object> getData() {
		return Collections.unmodifiableMap(this.data);
	}

	public String getUserId() {
		return this.userId;
	}

	public Instant getTimestamp() {
		return this.timestamp;
	}

}
