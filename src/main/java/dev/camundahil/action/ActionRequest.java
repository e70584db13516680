package dev.camundahil.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;

/**
 * A request for a human to act, and the state machine it goes through: {@code pending} to exactly one of
 * {@code completed}, {@code expired} or {@code cancelled}. Every transition is checked here and guarded in the
 * database by the {@code version} column, so of two racing transitions only one commits. A transition writes only
 * the columns it changes, never the (large) JSON of the request.
 */
@Entity
@Table(name = "action_request")
@SQLRestriction("deleted_at IS NULL")
@DynamicUpdate
public class ActionRequest {

	@Id
	private UUID id;

	@Column(name = "flow_id", nullable = false)
	private String flowId;

	@Column(name = "session_id", nullable = false)
	private String sessionId;

	@Column(name = "node_id", nullable = false)
	private String nodeId;

	@Column(nullable = false)
	private ActionStatus status;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "output_types", nullable = false)
	private List<String> outputTypes;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false)
	private ActionContext context;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> args;

	@JdbcTypeCode(SqlTypes.JSON)
	private ActionResponse response;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "execution_id")
	private String executionId;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Version
	private Long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	protected ActionRequest() {
	}

	public ActionRequest(NewAction request, Instant now) {
		this.id = UUID.randomUUID();
		this.flowId = request.flowId();
		this.sessionId = request.sessionId();
		this.nodeId = request.nodeId();
		this.status = ActionStatus.PENDING;
		this.outputTypes = new ArrayList<>(request.outputTypes());
		this.context = new ActionContext(request.question(), request.metadata());
		this.args = (request.args() != null) ? new LinkedHashMap<>(request.args()) : null;
		this.processInstanceId = request.processInstanceId();
		this.executionId = request.executionId();
		this.expiresAt = request.expiresAt();
		this.createdAt = now;
		this.updatedAt = now;
	}

	void complete(ActionResponse response) {
		requirePending("answered");
		this.status = ActionStatus.COMPLETED;
		this.response = response;
		this.updatedAt = response.timestamp();
	}

	void expire(Instant now) {
		requirePending("expired");
		this.status = ActionStatus.EXPIRED;
		this.updatedAt = now;
	}

	void cancel(Instant now) {
		requirePending("cancelled");
		this.status = ActionStatus.CANCELLED;
		this.updatedAt = now;
	}

	void delete(Instant now) {
		if (this.status == ActionStatus.PENDING) {
			cancel(now);
		}
		this.deletedAt = now;
		this.updatedAt = now;
	}

	private void requirePending(String what) {
		if (this.status != ActionStatus.PENDING) {
			throw new ActionConflictException(this.id,
					"Action " + this.id + " cannot be " + what + ": it is already " + this.status.value());
		}
	}

	public boolean isPending() {
		return this.status == ActionStatus.PENDING;
	}

	public UUID getId() {
		return this.id;
	}

	public String getFlowId() {
		return this.flowId;
	}

	public String getSessionId() {
		return this.sessionId;
	}

	public String getNodeId() {
		return this.nodeId;
	}

	public ActionStatus getStatus() {
		return this.status;
	}

	public List<String> getOutputTypes() {
		return List.copyOf(this.outputTypes);
	}

	public ActionContext getContext() {
		return this.context;
	}

	public Map<String, Object> getArgs() {
		return (this.args != null) ? Collections.unmodifiableMap(this.args) : Map.of();
	}

	public ActionResponse getResponse() {
		return this.response;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getExecutionId() {
		return this.executionId;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

}
