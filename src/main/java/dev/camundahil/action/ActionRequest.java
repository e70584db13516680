package dev.camundahil.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A request for a human to act, and the state machine it goes through: {@code pending} to exactly one of
 * {@code completed}, {@code expired} or {@code cancelled}. Every transition is checked here and guarded in the
 * database by the {@code version} column ({@link ActionRequestRepository#update}), so of two racing transitions only
 * one commits.
 */
public class ActionRequest {

	private final UUID id;

	private final String flowId;

	private final String sessionId;

	private final String nodeId;

	private ActionStatus status;

	private final List<String> outputTypes;

	private final ActionContext context;

	private final Map<String, Object> args;

	private ActionResponse response;

	private String comment;

	private final String processInstanceId;

	private final String executionId;

	/** The engine's activity instance the task waits in; null for actions opened before it was kept. */
	private final String activityInstanceId;

	private Instant expiresAt;

	private long version;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant deletedAt;

	private final String locale;

	private final String timeZone;

	/** The votes, for an action that several approvers decide; null for others, and until they are read. */
	private List<ActionVote> votes;

	ActionRequest(NewAction request, Instant now) {
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
		this.activityInstanceId = request.activityInstanceId();
		this.expiresAt = request.expiresAt();
		this.createdAt = now;
		this.updatedAt = now;
		this.locale = request.locale();
		this.timeZone = request.timeZone();
	}

	/** An action as it is stored. */
	ActionRequest(UUID id, String flowId, String sessionId, String nodeId, ActionStatus status,
			List<String> outputTypes, ActionContext context, Map<String, Object> args, ActionResponse response,
			String processInstanceId, String executionId, Instant expiresAt, long version, Instant createdAt,
			Instant updatedAt, Instant deletedAt, String comment, String locale, String timeZone,
			String activityInstanceId) {
		this.id = id;
		this.flowId = flowId;
		this.sessionId = sessionId;
		this.nodeId = nodeId;
		this.status = status;
		this.outputTypes = outputTypes;
		this.context = context;
		this.args = args;
		this.response = response;
		this.processInstanceId = processInstanceId;
		this.executionId = executionId;
		this.activityInstanceId = activityInstanceId;
		this.expiresAt = expiresAt;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.deletedAt = deletedAt;
		this.comment = comment;
		this.locale = locale;
		this.timeZone = timeZone;
	}

	void complete(ActionResponse response, String comment) {
		requirePending("answered");
		this.status = ActionStatus.COMPLETED;
		this.response = response;
		this.comment = comment;
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

	/** Moves the deadline of a pending action; a change beside the state machine, guarded like a transition. */
	void extend(Instant newDeadline, Instant now) {
		requirePending("extended");
		this.expiresAt = newDeadline;
		this.updatedAt = now;
	}

	/** A change beside the state machine (its recipients), which must still lose a race against a transition. */
	void touch(Instant now) {
		touch("reassigned", now);
	}

	/** A change beside the state machine ({@code what} it is, for the refusal), guarded like a transition. */
	void touch(String what, Instant now) {
		requirePending(what);
		this.updatedAt = now;
	}

	/** Adds people to the approvers of an action that several approvers decide, each once; beside the state machine. */
	void addApprovers(List<String> people, Instant now) {
		touch("escalated", now);
		List<String> approvers = new ArrayList<>(ApprovalRule.approvers(this));
		for (String person : people) {
			if (approvers.stream().noneMatch((known) -> known.equalsIgnoreCase(person))) {
				approvers.add(person);
			}
		}
		this.args.put(ApprovalRule.APPROVERS, approvers);
	}

	/**
	 * Passes the votes of some approvers to others, as a reassignment passes the action: those removed vote no more
	 * (a vote they gave stands), those added vote from now on.
	 */
	void replaceApprovers(List<String> removed, List<String> added, Instant now) {
		touch("reassigned", now);
		List<String> approvers = new ArrayList<>(ApprovalRule.approvers(this));
		approvers.removeIf((approver) -> removed.stream().anyMatch(approver::equalsIgnoreCase));
		for (String person : added) {
			if (approvers.stream().noneMatch(person::equalsIgnoreCase)) {
				approvers.add(person);
			}
		}
		this.args.put(ApprovalRule.APPROVERS, approvers);
	}

	/** The votes of an action that several approvers decide, in the order they were given; null for others. */
	public List<ActionVote> getVotes() {
		return (this.votes != null) ? List.copyOf(this.votes) : null;
	}

	/** The vote a person gave, told apart as the votes table does: by name, whatever its case. */
	public Optional<ActionVote> voteOf(String person) {
		if (this.votes == null || person == null) {
			return Optional.empty();
		}
		return this.votes.stream().filter((vote) -> vote.by().equalsIgnoreCase(person)).findFirst();
	}

	void attachVotes(List<ActionVote> votes) {
		this.votes = new ArrayList<>(votes);
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
			throw new ActionClosedException(ActionView.of(this),
					"Action " + this.id + " cannot be " + what + ": it is already " + this.status.value());
		}
	}

	public boolean isPending() {
		return this.status == ActionStatus.PENDING;
	}

	/** Whether its deadline has passed at {@code now}, whether or not the expiry sweep has got to it yet. */
	public boolean isOverdue(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
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

	/** The comment given beside the answer; null when none was given or the action was not answered. */
	public String getComment() {
		return this.comment;
	}

	/** The language tag the task asked for (BCP 47); null when it named none. */
	public String getLocale() {
		return this.locale;
	}

	/** The time zone the task asked for (a zone id); null when it named none. */
	public String getTimeZone() {
		return this.timeZone;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getExecutionId() {
		return this.executionId;
	}

	/**
	 * The engine's activity instance the task waits in, which the engine keeps when it moves the task to another
	 * execution; null outside a process and for actions opened before it was kept.
	 */
	public String getActivityInstanceId() {
		return this.activityInstanceId;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** Counts a transition that the database took. */
	void written() {
		this.version++;
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
