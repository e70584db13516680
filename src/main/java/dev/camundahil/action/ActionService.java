package dev.camundahil.action;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to open, answer, cancel, expire and read actions, for the REST API, the channels, the scheduler
 * and any application that embeds the plugin. Each call is one transaction that joins the caller's, so an action
 * and the process engine's state commit together; each change writes its audit entry and publishes an
 * {@link ActionEvent} inside that transaction. An answer is recorded through {@link AnswerTransaction}, so that a
 * process failing after the answer does not lose it.
 */
@Transactional
public class ActionService {

	private static final Logger log = LoggerFactory.getLogger(ActionService.class);

	/**
	 * The longest {@code respondedBy}: an email address at its longest. The process gets it as a text variable, which
	 * the engine's column bounds; a name far longer would leave the process unable to resume.
	 */
	static final int MAX_RESPONDED_BY_LENGTH = 320;

	private final ActionRequestRepository actions;

	private final ActionAuditRepository audits;

	private final ApplicationEventPublisher events;

	private final IdempotencyKeys idempotencyKeys;

	private final ResponseValueLimit responseValueLimit;

	private final AnswerTransaction answers;

	private final OverdueActions overdue;

	private final ActionRecipientRepository recipients;

	private final ActionVoteRepository votes;

	ActionService(ActionRequestRepository actions, ActionAuditRepository audits, ApplicationEventPublisher events,
			IdempotencyKeys idempotencyKeys, ResponseValueLimit responseValueLimit, AnswerTransaction answers,
			OverdueActions overdue, ActionRecipientRepository recipients, ActionVoteRepository votes) {
		this.actions = actions;
		this.votes = votes;
		this.recipients = recipients;
		this.overdue = overdue;
		this.audits = audits;
		this.events = events;
		this.idempotencyKeys = idempotencyKeys;
		this.responseValueLimit = responseValueLimit;
		this.answers = answers;
	}

	public ActionRequest create(NewAction request) {
		ActionRequest action = new ActionRequest(request, Timestamps.now());
		this.actions.insert(action);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("flowId", action.getFlowId());
		data.put("nodeId", action.getNodeId());
		data.put("sessionId", action.getSessionId());
		data.put("outputTypes", action.getOutputTypes());
		if (action.getProcessInstanceId() != null) {
			data.put("processInstanceId", action.getProcessInstanceId());
		}
		if (action.getExpiresAt() != null) {
			data.put("expiresAt", action.getExpiresAt().toString());
		}
		audit(action.getId(), AuditEvents.CREATED, data, null);
		publish(ActionEvent.Type.CREATED, action, false);
		log.debug("Created action {} at {}/{}", action.getId(), action.getFlowId(), action.getNodeId());
		return action;
	}

	/**
	 * Records a human's answer and completes the action; the waiting process resumes in the same transaction. When
	 * the process fails after the answer, the answer still commits and the process resumes from a job (see
	 * {@link AnswerTransaction}); called inside the caller's transaction, it joins that one instead. An answer the
	 * action cannot take changes nothing of it and is audited as {@code response_rejected}, with the reason and who
	 * sent it; the refusal does not roll that entry back, since it comes before anything else is written.
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException the action is no longer pending, or the idempotency key was used for a
	 * different request
	 * @throws InvalidResponseException the value is not one of the expected responses
	 * @throws ResponseTooLargeException the value is larger than the configured limit
	 */
	@Transactional(propagation = Propagation.SUPPORTS, noRollbackFor = InvalidResponseException.class)
	public ActionRequest respond(UUID id, ResponseCommand command) {
		return this.answers.run(() -> record(id, command, null));
	}

	private ActionRequest record(UUID id, ResponseCommand command, UUID recipientId) {
		String key = command.idempotencyKey();
		String hash = (key != null) ? this.idempotencyKeys.hash(command) : null;
		if (key != null) {
			// a request racing this one with the same key waits here until it has committed, and then replays it
			this.actions.lock(id);
			ActionRequest earlier = replay(id, key, hash);
			if (earlier != null) {
				return earlier;
			}
		}
		ActionRequest action = load(id);
		Optional<ApprovalRule> rule = ApprovalRule.of(action);
		if (rule.isPresent() && key == null) {
			// votes on one action take turns, on every node, so that exactly one of them decides it
			this.actions.lock(id);
			action = load(id);
		}
		if (recipientId != null) {
			// read after the action: a reassignment committed later moves its version on and loses us the update
			requireActive(id, recipientId);
		}
		if (rule.isPresent()) {
			return vote(action, rule.get(), command, key, hash);
		}
		ActionRequest answered = action;
		Object value = accepted(answered, command);
		answered.complete(new ActionResponse(value, command.respondedBy(), Timestamps.now(), command.channel()),
				command.comment());
		if (!this.actions.update(answered)) {
			// another answer, the expiry or a cancellation committed first: tell the caller how the action ended
			throw this.actions.findById(id)
				.filter((now) -> !now.isPending())
				.map((now) -> (ActionConflictException) new ActionClosedException(ActionView.of(now),
						"Action " + id + " cannot be answered: it is already " + now.getStatus().value()))
				.orElseGet(() -> conflict(answered));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("value", value);
		data.put("respondedBy", command.respondedBy());
		data.put("channel", command.channel());
		if (command.comment() != null) {
			data.put("comment", command.comment());
		}
		audit(id, AuditEvents.COMPLETED, data, command.userId());
		if (key != null) {
			this.idempotencyKeys.record(id, key, hash);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("respondedBy", command.respondedBy());
		details.put("channel", command.channel());
		publishEndedByPerson(ActionEvent.Type.COMPLETED, action, details);
		log.info("Action {} completed via {}", id, command.channel());
		return action;
	}

	/**
	 * Records one approver's vote on an action that several approvers decide ({@link ApprovalRule}), with the action
	 * locked: audited {@code voted}; published as {@code action.voted} while the votes decide nothing yet, and as
	 * {@code action.completed} with the decision once they do.
	 */
	private ActionRequest vote(ActionRequest action, ApprovalRule rule, ResponseCommand command, String key,
			String hash) {
		UUID id = action.getId();
		if (!action.isPending()) {
			throw new ActionConflictException(id,
					"Action " + id + " cannot be answered: it is already " + action.getStatus().value());
		}
		List<String> approvers = ApprovalRule.approvers(action);
		String voter = voter(id, approvers, command.respondedBy());
		List<ActionVote> given = new ArrayList<>(this.votes.of(id));
		if (given.stream().anyMatch((vote) -> vote.by().equalsIgnoreCase(voter))) {
			throw new AlreadyVotedException(id, voter + " already voted on action " + id + "; a vote counts once");
		}
		Object value = accepted(action, command);
		Instant now = Timestamps.now();
		ActionVote vote = new ActionVote(voter, value, now, command.channel());
		this.votes.insert(id, vote);
		given.add(vote);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("by", voter);
		data.put("value", value);
		data.put("channel", command.channel());
		audit(id, AuditEvents.VOTED, data, command.userId());
		ApprovalRule.Outcome outcome = rule.decide(given, approvers.size(), ExpectedResponses.of(action));
		if (outcome.ended()) {
			action.complete(new ActionResponse(outcome.value(), voter, now, command.channel(), outcome.decided()),
					command.comment());
		}
		else {
			action.touch("answered", now);
		}
		write(action);
		action.attachVotes(given);
		if (key != null) {
			this.idempotencyKeys.record(id, key, hash);
		}
		if (!outcome.ended()) {
			this.events.publishEvent(
					new ActionEvent(ActionEvent.Type.VOTED, ActionView.of(action), now, false, false, data));
			log.info("Action {}: vote {} of {} via {}", id, given.size(), approvers.size(), command.channel());
			return action;
		}
		Map<String, Object> completed = new LinkedHashMap<>();
		completed.put("value", outcome.value());
		completed.put("respondedBy", voter);
		completed.put("channel", command.channel());
		completed.put("decided", outcome.decided());
		audit(id, AuditEvents.COMPLETED, completed, command.userId());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("respondedBy", voter);
		details.put("channel", command.channel());
		details.put("decided", outcome.decided());
		publishEndedByPerson(ActionEvent.Type.COMPLETED, action, details);
		log.info("Action {} {} by the votes, the last via {}", id, outcome.decided() ? "decided" : "left undecided",
				command.channel());
		return action;
	}

	/** The approver a vote is from, in the spelling the task gave; refused when it is nobody's. */
	private static String voter(UUID id, List<String> approvers, String respondedBy) {
		if (respondedBy == null || respondedBy.isBlank()) {
			throw new NotAnApproverException("Action " + id + " is decided by the votes of its approvers: name the "
					+ "approver who votes in 'respondedBy'");
		}
		return approvers.stream()
			.filter((approver) -> approver.strip().equalsIgnoreCase(respondedBy.strip()))
			.findFirst()
			.orElseThrow(() -> new NotAnApproverException("'" + respondedBy + "' is not an approver of action " + id
					+ "; only its approvers vote"));
	}

	/**
	 * Records the answer of one recipient, through a link of their own, as {@link #respond} does; refused with a
	 * conflict when the action has passed from them to someone else, also by a reassignment committed meanwhile.
	 * @throws ActionConflictException the action is no longer pending, or no longer addressed to this recipient
	 */
	@Transactional(propagation = Propagation.SUPPORTS, noRollbackFor = InvalidResponseException.class)
	public ActionRequest respondAs(UUID id, UUID recipientId, ResponseCommand command) {
		return this.answers.run(() -> record(id, command, recipientId));
	}

	private void requireActive(UUID id, UUID recipientId) {
		ActionRecipient recipient = this.recipients.find(recipientId)
			.filter((found) -> found.actionId().equals(id))
			.orElseThrow(() -> new ActionConflictException(id, "Action " + id + " has no such recipient"));
		if (!recipient.isActive()) {
			throw new ActionConflictException(id, "Action " + id + " was passed from " + recipient.address() + " to "
					+ String.join(", ", recipient.passedTo()));
		}
	}

	/**
	 * Records the people a new action is addressed to, each of whom gets links of their own; an address it has
	 * already is left as it is. Called by the channels inside the transaction that opens the action.
	 */
	public List<ActionRecipient> addRecipients(UUID id, Collection<String> addresses) {
		List<ActionRecipient> known = new ArrayList<>(this.recipients.of(id));
		Instant now = Timestamps.now();
		for (String address : addresses) {
			boolean present = known.stream()
				.anyMatch((recipient) -> recipient.isActive() && RecipientAddresses.same(recipient.address(), address));
			if (!present) {
				known.add(this.recipients.insert(id, address, null, null, now));
			}
		}
		return known.stream().filter(ActionRecipient::isActive).toList();
	}

	/** The people an action is addressed to, and those it passed from, in the order they were added. */
	@Transactional(readOnly = true)
	public List<ActionRecipient> recipients(UUID id) {
		return this.recipients.of(id);
	}

	/** One recipient, active or removed; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<ActionRecipient> recipient(UUID recipientId) {
		return this.recipients.find(recipientId);
	}

	/**
	 * Passes a pending action from some of its recipients ({@code from}, or all when empty) to others: the links of
	 * those removed stop answering, those added become recipients with links of their own (the channels send them
	 * the request when they hear {@code action.reassigned}). Audited as {@code reassigned}.
	 * @return the action's recipients afterwards, active and removed
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException the action is no longer pending
	 * @throws InvalidReassignmentException nobody to pass it to, an address that is none, someone to remove who is
	 * not a recipient, or a reassignment that changes nothing
	 */
	public List<ActionRecipient> reassign(UUID id, Reassignment reassignment) {
		List<String> to = RecipientAddresses.checked("to", reassignment.to());
		List<String> from = RecipientAddresses.checked("from", reassignment.from());
		if (to.isEmpty()) {
			throw new InvalidReassignmentException("'to' must name at least one person to pass the action to");
		}
		// the lock orders this against answers and other reassignments of the same action
		this.actions.lock(id);
		ActionRequest action = load(id);
		if (!action.isPending()) {
			throw new ActionConflictException(id,
					"Action " + id + " cannot be reassigned: it is already " + action.getStatus().value());
		}
		List<ActionRecipient> active = this.recipients.of(id).stream().filter(ActionRecipient::isActive).toList();
		if (active.isEmpty()) {
			throw new InvalidReassignmentException("Action " + id + " is addressed to nobody by email, so it cannot be "
					+ "passed on; only email actions have recipients");
		}
		for (String address : from) {
			if (active.stream().noneMatch((recipient) -> RecipientAddresses.same(recipient.address(), address))) {
				throw new InvalidReassignmentException("'" + address + "' is not a current recipient of action " + id);
			}
		}
		List<ActionRecipient> removed = active.stream()
			.filter((recipient) -> from.isEmpty() || RecipientAddresses.contains(from, recipient.address()))
			.filter((recipient) -> !RecipientAddresses.contains(to, recipient.address()))
			.toList();
		List<String> added = to.stream()
			.filter((address) -> active.stream()
				.noneMatch((recipient) -> RecipientAddresses.same(recipient.address(), address)))
			.toList();
		if (removed.isEmpty() && added.isEmpty()) {
			throw new InvalidReassignmentException("Nothing changes: the action is addressed to " + String.join(", ", to)
					+ " already");
		}
		Instant now = Timestamps.now();
		if (ApprovalRule.of(action).isPresent()) {
			// the votes pass with the action: those removed vote no more, those added vote from now on
			action.replaceApprovers(removed.stream().map(ActionRecipient::address).toList(), added, now);
		}
		else {
			action.touch(now);
		}
		write(action);
		for (ActionRecipient recipient : removed) {
			this.recipients.remove(recipient.id(), to, now);
		}
		List<ActionRecipient> newcomers = added.stream()
			.map((address) -> this.recipients.insert(id, address, reassignment.by(), truncated(reassignment.reason()),
					now))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("from", removed.stream().map(ActionRecipient::address).toList());
		data.put("to", added);
		data.put("reason", (reassignment.reason() != null) ? reassignment.reason() : "");
		data.put("by", reassignment.by());
		data.put("delegated", reassignment.delegated());
		audit(id, AuditEvents.REASSIGNED, data, reassignment.by());
		Map<String, Object> details = new LinkedHashMap<>(data);
		details.put("recipients", newcomers.stream().map((recipient) -> recipient.id().toString()).toList());
		this.events.publishEvent(
				new ActionEvent(ActionEvent.Type.REASSIGNED, ActionView.of(action), now, false, false, details));
		// the addresses are people's: they stay in the audit, out of the log
		log.info("Action {} reassigned: {} recipient(s) removed, {} added", id, removed.size(), newcomers.size());
		return this.recipients.of(id);
	}

	/**
	 * Carries out one level of a pending action's escalation: its people become recipients with links of their own
	 * (and approvers, when several approvers decide the action), the earlier ones keep theirs, and the channels send
	 * them the request when they hear {@code action.escalated}. Audited as {@code escalated}. A level whose people are
	 * all recipients already changes nothing.
	 * @return whether anyone was added
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException the action is no longer pending
	 */
	public boolean escalate(UUID id, int level, List<String> people) {
		this.actions.lock(id);
		ActionRequest action = load(id);
		if (!action.isPending()) {
			throw new ActionConflictException(id,
					"Action " + id + " cannot be escalated: it is already " + action.getStatus().value());
		}
		List<ActionRecipient> active = this.recipients.of(id).stream().filter(ActionRecipient::isActive).toList();
		List<String> added = people.stream()
			.filter((address) -> active.stream()
				.noneMatch((recipient) -> RecipientAddresses.same(recipient.address(), address)))
			.distinct()
			.toList();
		Instant now = Timestamps.now();
		if (ApprovalRule.of(action).isPresent()) {
			action.addApprovers(people, now);
		}
		else {
			action.touch("escalated", now);
		}
		write(action);
		List<ActionRecipient> newcomers = added.stream()
			.map((address) -> this.recipients.insert(id, address, ActionRecipient.ESCALATION,
					"escalation level " + level, now))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("level", level);
		data.put("to", added);
		audit(id, AuditEvents.ESCALATED, data, null);
		Map<String, Object> details = new LinkedHashMap<>(data);
		details.put("recipients", newcomers.stream().map((recipient) -> recipient.id().toString()).toList());
		this.events.publishEvent(new ActionEvent(ActionEvent.Type.ESCALATED, ActionView.of(withVotes(action)), now,
				false, false, details));
		log.info("Action {} escalated to level {}: {} recipient(s) added", id, level, newcomers.size());
		return !newcomers.isEmpty();
	}

	/**
	 * Moves the deadline of a pending action to {@code expiresAt}, which must be later than now and not later than
	 * {@link DeadlineChange#LATEST}. Links already sent stay valid until the new deadline, since they are checked
	 * against the action's deadline; reminders not yet due keep their times. Audited as {@code extended}, published
	 * as {@code action.extended}.
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException the action is no longer pending
	 * @throws InvalidExtensionException the new deadline is not later than now, or later than the latest one
	 */
	public ActionRequest extend(UUID id, Instant expiresAt, String userId) {
		// the lock orders this against answers and the expiry sweep, which claims with the row locked
		this.actions.lock(id);
		return extend(load(id), expiresAt, userId);
	}

	/**
	 * Moves the deadline of a pending action by {@code by}: from its deadline, or from now when it has none.
	 * @throws InvalidExtensionException {@code by} is not longer than zero, or the new deadline is not later than now
	 * @see #extend(UUID, Instant, String)
	 */
	public ActionRequest extend(UUID id, Duration by, String userId) {
		return extend(id, DeadlineChange.parse(null, by.toString()), userId);
	}

	/**
	 * Moves the deadline of a pending action as a caller asked for it, to a new deadline or by a duration.
	 * @see #extend(UUID, Instant, String)
	 */
	public ActionRequest extend(UUID id, DeadlineChange change, String userId) {
		this.actions.lock(id);
		ActionRequest action = load(id);
		return extend(action, change.from(action.getExpiresAt(), Timestamps.now()), userId);
	}

	private ActionRequest extend(ActionRequest action, Instant expiresAt, String userId) {
		if (!action.isPending()) {
			throw new ActionConflictException(action.getId(),
					"Action " + action.getId() + " cannot be extended: it is already " + action.getStatus().value());
		}
		Instant now = Timestamps.now();
		if (!expiresAt.isAfter(now)) {
			throw new InvalidExtensionException("The new deadline " + expiresAt + " is not later than now (" + now
					+ "); an action can only be given more time");
		}
		if (expiresAt.isAfter(DeadlineChange.LATEST)) {
			throw new InvalidExtensionException("The new deadline " + expiresAt + " is later than "
					+ DeadlineChange.LATEST + ", the latest deadline an action takes");
		}
		Instant before = action.getExpiresAt();
		// kept at the precision the databases keep, so that the action reads back as it was written
		action.extend(expiresAt.truncatedTo(ChronoUnit.MICROS), now);
		write(action);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("previousExpiresAt", (before != null) ? before.toString() : null);
		data.put("expiresAt", action.getExpiresAt().toString());
		audit(action.getId(), AuditEvents.EXTENDED, data, userId);
		this.events.publishEvent(
				new ActionEvent(ActionEvent.Type.EXTENDED, ActionView.of(action), now, false, false, data));
		log.info("Action {} extended until {}", action.getId(), action.getExpiresAt());
		return action;
	}

	/**
	 * Cancels a pending action on someone's request; the waiting process resumes with status cancelled. When the
	 * process fails after it, the cancellation still commits and the process resumes from a job, as after an answer
	 * (see {@link AnswerTransaction}).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public ActionRequest cancel(UUID id, String reason, String userId) {
		return this.answers.run(() -> {
			ActionRequest action = load(id);
			cancel(action, reason, userId, false);
			return action;
		});
	}

	/**
	 * Cancels the pending action of an execution that the engine is leaving without a response (a boundary event,
	 * a modification, a cancelled instance): the one opened in the execution, or else the one of its activity instance,
	 * which the execution took over from another since (see {@link #moveToExecution}). Does nothing when the
	 * execution has no pending action.
	 * @param activityInstanceId the activity instance the execution leaves; null to look by the execution only
	 * @return the ids of the actions cancelled
	 */
	public List<UUID> cancelForLeftExecution(String executionId, String activityInstanceId, String reason) {
		List<ActionRequest> pending = this.actions.findByExecutionIdAndStatus(executionId, ActionStatus.PENDING);
		if (pending.isEmpty() && activityInstanceId != null) {
			pending = this.actions.findPendingByActivityInstanceId(activityInstanceId);
		}
		pending.forEach((action) -> cancel(action, reason, null, true));
		return pending.stream().map(ActionRequest::getId).toList();
	}

	/**
	 * Points an action at the execution its task waits in now. The engine moves a waiting task that is no scope of
	 * its own to another execution, keeping its activity instance, when parallel paths beside it end or begin; the
	 * action follows it there, so that lookups by execution find it again. Changes nothing else of the action.
	 */
	public void moveToExecution(UUID id, String executionId) {
		this.actions.moveToExecution(id, executionId);
	}

	/** The pending action of an activity instance (see {@link ActionRequest#getActivityInstanceId()}), if any. */
	@Transactional(readOnly = true)
	public Optional<ActionRequest> findPendingOfActivityInstance(String activityInstanceId) {
		return this.actions.findPendingByActivityInstanceId(activityInstanceId).stream().findFirst();
	}

	/**
	 * Expires a pending action whose deadline has passed, or completes it with its default decision; the waiting
	 * process resumes with status expired (or completed).
	 */
	public ActionRequest expire(UUID id) {
		return expire(List.of(id)).get(0);
	}

	/**
	 * Expires many pending actions at once, as {@link #expire(UUID)} does one: the same transitions, audit entries
	 * and events, with each kind of row written in one round trip. An action whose task says
	 * {@code onTimeout = default} completes instead, with its {@link DefaultDecision default decision} given by
	 * {@code timeout}: audited {@code defaulted}, published as {@code action.completed} with
	 * {@code defaulted: true}. Either all of them expire or, when one is missing or no longer pending, none does and
	 * the transaction is marked for rollback.
	 * @throws ActionNotFoundException one of them does not exist
	 * @throws ActionConflictException one of them is no longer pending
	 */
	public List<ActionRequest> expire(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, ActionRequest> found = new HashMap<>();
		this.actions.findAllById(ids).forEach((action) -> found.put(action.getId(), withVotes(action)));
		Instant now = Timestamps.now();
		List<ActionRequest> expired = new ArrayList<>(ids.size());
		List<ActionAudit> entries = new ArrayList<>(ids.size());
		for (UUID id : ids) {
			ActionRequest action = found.get(id);
			if (action == null) {
				throw new ActionNotFoundException(id);
			}
			Optional<Object> decision = DefaultDecision.of(action);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("expiresAt", String.valueOf(action.getExpiresAt()));
			if (decision.isPresent()) {
				// for an action that several approvers decide, the default is the decision
				action.complete(new ActionResponse(decision.get(), DefaultDecision.RESPONDER, now,
						DefaultDecision.RESPONDER, (action.getVotes() != null) ? Boolean.TRUE : null), null);
				data.put("value", decision.get());
			}
			else {
				action.expire(now);
			}
			expired.add(action);
			entries.add(new ActionAudit(id, decision.isPresent() ? AuditEvents.DEFAULTED : AuditEvents.EXPIRED, data,
					null, now));
		}
		this.actions.updateAll(expired).stream().findFirst().ifPresent((lost) -> {
			throw conflict(lost);
		});
		this.audits.insertAll(entries);
		for (ActionRequest action : expired) {
			if (action.getStatus() == ActionStatus.COMPLETED) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("respondedBy", DefaultDecision.RESPONDER);
				details.put("channel", DefaultDecision.RESPONDER);
				details.put("defaulted", true);
				this.events.publishEvent(new ActionEvent(ActionEvent.Type.COMPLETED, ActionView.of(action), now, false,
						false, details));
				log.info("Action {} reached its deadline and took its default decision", action.getId());
			}
			else {
				publish(ActionEvent.Type.EXPIRED, action, false);
				log.info("Action {} expired", action.getId());
			}
		}
		return expired;
	}

	/** Soft-deletes an action, cancelling it first if it is still pending. */
	public ActionRequest delete(UUID id, String userId) {
		ActionRequest action = load(id);
		if (action.isPending()) {
			cancel(action, "deleted", userId, false);
		}
		action.delete(Timestamps.now());
		write(action);
		audit(id, AuditEvents.DELETED, Map.of(), userId);
		return action;
	}

	/**
	 * The pending action an execution waits on, or else the newest pending action of its process instance (an
	 * expression in a parallel branch); empty when there is none.
	 */
	@Transactional(readOnly = true)
	public Optional<ActionRequest> findPendingOf(String executionId, String processInstanceId) {
		return this.actions.findByExecutionIdAndStatus(executionId, ActionStatus.PENDING)
			.stream()
			.findFirst()
			.or(() -> this.actions.findByProcessInstanceId(processInstanceId)
				.stream()
				.filter(ActionRequest::isPending)
				.max(Comparator.comparing(ActionRequest::getCreatedAt)));
	}

	/**
	 * Claims up to {@code limit} pending actions whose deadline passed by {@code now}, oldest deadline first, leaving
	 * out those whose expiry failed after {@code failedSince}. Where {@link #locksOverdueClaims() claims lock}, the
	 * claimed actions stay locked to other sweeps and to answers until the caller's transaction ends.
	 */
	public List<UUID> claimOverdue(Instant now, Instant failedSince, int limit) {
		return this.overdue.claim(now, failedSince, limit);
	}

	/** Claims one action, as {@link #claimOverdue(Instant, Instant, int)} does, if it is still overdue and free. */
	public boolean claimOverdue(UUID id, Instant now, Instant failedSince) {
		return this.overdue.claim(id, now, failedSince);
	}

	/** Whether claimed overdue actions stay locked to other sweeps, so that several may run at the same time. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean locksOverdueClaims() {
		return this.overdue.locksClaims();
	}

	/** Records that an action could not be expired; sweeps leave it out for a while. */
	public void recordExpiryFailed(UUID id, String error) {
		audit(id, AuditEvents.EXPIRY_FAILED, Map.of("error", error), null);
	}

	/** Records that the request of an action went out on a channel; {@code data} says where and how. */
	public void recordDispatched(UUID id, Map<String, Object> data) {
		audit(id, AuditEvents.DISPATCHED, data, null);
	}

	/** Records that a reminder of an action went out, and publishes {@code action.reminded}. */
	public void recordReminded(UUID id, Map<String, Object> data) {
		audit(id, AuditEvents.REMINDED, data, null);
		this.actions.findById(id).ifPresent((action) -> publish(ActionEvent.Type.REMINDED, action, false));
	}

	/**
	 * Records that a message of an action could not be sent and will not be tried again, and publishes
	 * {@code action.dispatch_failed}; the action stays pending for an answer by other means.
	 */
	public void recordDispatchFailed(UUID id, Map<String, Object> data) {
		audit(id, AuditEvents.DISPATCH_FAILED, data, null);
		this.actions.findById(id).ifPresent((action) -> publish(ActionEvent.Type.DISPATCH_FAILED, action, false));
	}

	/**
	 * Records what became of an email reply to an action.
	 * @param event one of the {@code reply_*} entries of {@link AuditEvents}
	 * @param from the reply's sender
	 */
	public void recordReply(UUID id, String event, Map<String, Object> data, String from) {
		if (!AuditEvents.REPLIES.contains(event)) {
			throw new IllegalArgumentException("'" + event + "' is not what became of a reply");
		}
		audit(id, event, data, from);
	}

	@Transactional(readOnly = true)
	public ActionRequest find(UUID id) {
		return load(id);
	}

	/**
	 * The action, or empty when there is none (or only a soft-deleted one). Unlike {@link #find}, a missing action
	 * does not throw, so it never marks a surrounding transaction for rollback.
	 */
	@Transactional(readOnly = true)
	public Optional<ActionRequest> lookup(UUID id) {
		return this.actions.findById(id).map(this::withVotes);
	}

	/** The action if it still waits for an answer, else empty; never throws for a missing one. */
	@Transactional(readOnly = true)
	public Optional<ActionRequest> findPending(UUID id) {
		return this.actions.findById(id).filter(ActionRequest::isPending).map(this::withVotes);
	}

	/** The actions a process instance opened, oldest first, soft-deleted ones left out. */
	@Transactional(readOnly = true)
	public List<ActionRequest> findByProcessInstanceId(String processInstanceId) {
		return this.actions.findByProcessInstanceId(processInstanceId).stream().map(this::withVotes).toList();
	}

	/** Per flow, how many actions are pending and since when the oldest waits; flows with none are left out. */
	@Transactional(readOnly = true)
	public List<PendingFlow> pendingByFlow() {
		return this.actions.pendingByFlow();
	}

	/**
	 * Up to {@code limit} pending actions that wait in a process execution and were created before
	 * {@code createdBefore}, in id order after {@code after} (null: from the start), to page through all of them.
	 */
	@Transactional(readOnly = true)
	public List<ActionRequest> pendingOfProcesses(Instant createdBefore, UUID after, int limit) {
		return this.actions.findPendingOfProcesses(createdBefore, after, limit);
	}

	/** Which of these executions wait on a pending action. */
	@Transactional(readOnly = true)
	public Set<String> executionsWithPendingAction(Collection<String> executionIds) {
		return new HashSet<>(this.actions.executionsWithPendingAction(executionIds));
	}

	/**
	 * Cancels a pending action whose process execution no longer exists, so nothing waits on it any more: an
	 * {@code orphaned} entry says why, and no instance is resumed. Empty when it was no longer pending.
	 */
	public Optional<ActionRequest> cancelOrphaned(UUID id) {
		Optional<ActionRequest> found = this.actions.findById(id).filter(ActionRequest::isPending);
		found.ifPresent((action) -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("processInstanceId", action.getProcessInstanceId());
			data.put("executionId", action.getExecutionId());
			audit(id, AuditEvents.ORPHANED, data, null);
			cancel(action, "orphaned: its process execution no longer exists", null, true);
		});
		return found;
	}

	@Transactional(readOnly = true)
	public Page<ActionRequest> list(ActionQuery query, Pageable page) {
		return this.actions.list(query, page).map(this::withVotes);
	}

	@Transactional(readOnly = true)
	public List<ActionAudit> auditTrail(UUID id) {
		load(id);
		return this.audits.trail(id);
	}

	private void audit(UUID actionId, String event, Map<String, Object> data, String userId) {
		ActionAudit entry = new ActionAudit(actionId, event, data, userId, Timestamps.now());
		this.audits.insert(entry);
		this.events.publishEvent(new ActionAudited(entry));
	}

	private void cancel(ActionRequest action, String reason, String userId, boolean engineInitiated) {
		action.cancel(Timestamps.now());
		write(action);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reason", (reason != null) ? reason : "");
		audit(action.getId(), AuditEvents.CANCELLED, data, userId);
		if (engineInitiated) {
			publish(ActionEvent.Type.CANCELLED, action, true);
		}
		else {
			publishEndedByPerson(ActionEvent.Type.CANCELLED, action);
		}
		// the reason is free text from a caller: it stays in the audit, out of the log
		log.info("Action {} cancelled", action.getId());
	}

	/** The value to store for an answer, or the refusal, audited. */
	private Object accepted(ActionRequest action, ResponseCommand command) {
		try {
			if (command.respondedBy() != null && command.respondedBy().length() > MAX_RESPONDED_BY_LENGTH) {
				throw new InvalidResponseException("'respondedBy' may be at most " + MAX_RESPONDED_BY_LENGTH
						+ " characters long, not " + command.respondedBy().length());
			}
			this.responseValueLimit.check(command.value());
			this.responseValueLimit.checkComment(command.comment());
			return ExpectedResponses.accept(action, command.value());
		}
		catch (InvalidResponseException ex) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("reason", ex.getMessage());
			data.put("respondedBy", command.respondedBy());
			data.put("channel", command.channel());
			audit(action.getId(), AuditEvents.RESPONSE_REJECTED, data, command.userId());
			// the reason quotes the answer, free text of the caller's: it stays in the audit, out of the log
			log.info("Action {} refused an answer via {}", action.getId(), command.channel());
			throw ex;
		}
	}

	private ActionRequest replay(UUID id, String key, String hash) {
		return this.idempotencyKeys.recordedHash(id, key).map((recorded) -> {
			if (!recorded.equals(hash)) {
				throw new ActionConflictException(id,
						"Idempotency-Key '" + key + "' was already used with a different request for action " + id);
			}
			return load(id);
		}).orElse(null);
	}

	/** A reason as the recipients table keeps it; the audit keeps it whole. */
	private static String truncated(String reason) {
		return (reason != null && reason.length() > 1000) ? reason.substring(0, 1000) : reason;
	}

	private ActionRequest load(UUID id) {
		return this.actions.findById(id).map(this::withVotes).orElseThrow(() -> new ActionNotFoundException(id));
	}

	/** The action with its votes, when several approvers decide it. */
	private ActionRequest withVotes(ActionRequest action) {
		if (ApprovalRule.of(action).isPresent()) {
			action.attachVotes(this.votes.of(action.getId()));
		}
		return action;
	}

	/** Writes a transition, so that losing a race shows here as a conflict, before anything else runs. */
	private void write(ActionRequest action) {
		if (!this.actions.update(action)) {
			throw conflict(action);
		}
	}

	private static ActionConflictException conflict(ActionRequest action) {
		return new ActionConflictException(action.getId(),
				"Action " + action.getId() + " was changed at the same time by someone else; it is no longer pending");
	}

	private void publish(ActionEvent.Type type, ActionRequest action, boolean engineInitiated) {
		this.events.publishEvent(new ActionEvent(type, ActionView.of(action), Timestamps.now(), engineInitiated, false));
	}

	/**
	 * Publishes the end of an action that someone asked for (an answer, a cancellation), which resumes its instance.
	 * While the work runs again because the process failed to resume ({@link AnswerTransaction}), it records why in
	 * a {@code resume_failed} entry and leaves the resuming to a job.
	 */
	private void publishEndedByPerson(ActionEvent.Type type, ActionRequest action) {
		publishEndedByPerson(type, action, Map.of());
	}

	private void publishEndedByPerson(ActionEvent.Type type, ActionRequest action, Map<String, Object> details) {
		String resumeFailure = this.answers.resumeFailure();
		if (resumeFailure != null) {
			audit(action.getId(), AuditEvents.RESUME_FAILED, Map.of("error", resumeFailure), null);
		}
		this.events.publishEvent(new ActionEvent(type, ActionView.of(action), Timestamps.now(), false,
				resumeFailure != null, details));
	}

}
