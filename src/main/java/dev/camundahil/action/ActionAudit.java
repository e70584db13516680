package dev.camundahil.action;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing that happened to an action: a transition, a dispatch, a rejected reply. Written once, never changed.
 */
public class ActionAudit {

	private final UUID id;

	private final UUID actionId;

	private final String event;

	private final Map<String, Object> data;

	private final String userId;

	private final Instant timestamp;

	ActionAudit(UUID actionId, String event, Map<String, Object> data, String userId, Instant timestamp) {
		this(UUID.randomUUID(), actionId, event, new LinkedHashMap<>(data), userId, timestamp);
	}

	ActionAudit(UUID id, UUID actionId, String event, Map<String, Object> data, String userId, Instant timestamp) {
		this.id = id;
		this.actionId = actionId;
		this.event = event;
		this.data = data;
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
