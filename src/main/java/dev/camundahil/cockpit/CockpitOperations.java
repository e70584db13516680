package dev.camundahil.cockpit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionNotFoundException;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.ActionVote;
import dev.camundahil.action.ApprovalRule;
import dev.camundahil.action.ArgumentList;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.DeadlineChange;
import dev.camundahil.action.EscalationLevel;
import dev.camundahil.action.PendingFlow;
import dev.camundahil.action.Reassignment;
import dev.camundahil.channel.DispatchBacklog;
import dev.camundahil.channel.DispatchView;
import dev.camundahil.webhook.DeliveryView;
import dev.camundahil.webhook.WebhookStatus;

/**
 * What the HIL view in Cockpit shows and does, as plain maps for its script: the actions of a process instance with
 * their recipients, votes, audit trail, dispatches and webhook deliveries; the pending actions by flow and what failed; and, for the
 * admin group, cancel, extend, reassign and retry.
 */
final class CockpitOperations {

	/** How many failed dispatches and deliveries the dashboard lists. */
	static final int FAILED_SHOWN = 50;

	private final ActionService actions;

	private final DispatchBacklog dispatches;

	private final WebhookStatus webhooks;

	private final List<String> adminGroups;

	/** @param dispatches null without the dispatch outbox; the same for {@code webhooks} */
	CockpitOperations(ActionService actions, DispatchBacklog dispatches, WebhookStatus webhooks,
			List<String> adminGroups) {
		this.actions = actions;
		this.dispatches = dispatches;
		this.webhooks = webhooks;
		this.adminGroups = List.copyOf(adminGroups);
	}

	/** Whether someone in these groups may act. */
	boolean mayAct(List<String> groupIds) {
		return groupIds != null && groupIds.stream().anyMatch(this.adminGroups::contains);
	}

	Map<String, Object> processInstance(String processInstanceId) {
		List<Map<String, Object>> found = new ArrayList<>();
		for (ActionRequest action : this.actions.findByProcessInstanceId(processInstanceId)) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", action.getId().toString());
			view.put("status", action.getStatus().value());
			view.put("flowId", action.getFlowId());
			view.put("nodeId", action.getNodeId());
			view.put("outputTypes", action.getOutputTypes());
			view.put("question", (action.getContext() != null) ? action.getContext().question() : null);
			view.put("recipients", recipients(action));
			view.put("createdAt", text(action.getCreatedAt()));
			view.put("expiresAt", text(action.getExpiresAt()));
			view.put("response", action.getResponse());
			ActionView api = ActionView.of(action);
			view.put("votes", (api.votes() != null) ? api.votes().stream().map(CockpitOperations::vote).toList() : null);
			view.put("tally", api.tally());
			List<Map<String, Object>> audit = audit(action.getId());
			view.put("escalation", escalation(api, audit));
			view.put("audit", audit);
			view.put("dispatches", (this.dispatches != null)
					? this.dispatches.list(null, action.getId(), 0, 100).stream().map(CockpitOperations::dispatch).toList()
					: List.of());
			view.put("deliveries", (this.webhooks != null)
					? this.webhooks.list(null, action.getId(), 100).stream().map(CockpitOperations::delivery).toList()
					: List.of());
			found.add(view);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("processInstanceId", processInstanceId);
		body.put("actions", found);
		return body;
	}

	Map<String, Object> dashboard() {
		Instant now = Instant.now();
		List<Map<String, Object>> flows = new ArrayList<>();
		for (PendingFlow flow : this.actions.pendingByFlow()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("flowId", flow.flowId());
			row.put("pending", flow.pending());
			row.put("oldestCreatedAt", text(flow.oldestCreatedAt()));
			row.put("oldestAgeSeconds",
					(flow.oldestCreatedAt() != null) ? now.getEpochSecond() - flow.oldestCreatedAt().getEpochSecond() : null);
			flows.add(row);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("pendingByFlow", flows);
		body.put("failedDispatches", (this.dispatches != null)
				? this.dispatches.list("failed", null, 0, FAILED_SHOWN).stream().map(CockpitOperations::dispatch).toList()
				: List.of());
		body.put("failedDeliveries", (this.webhooks != null)
				? this.webhooks.list("failed", null, FAILED_SHOWN).stream().map(CockpitOperations::delivery).toList()
				: List.of());
		return body;
	}

	/**
	 * Cancels a pending action for a Cockpit user; its instance moves on with status cancelled.
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException it is no longer pending
	 */
	void cancel(UUID actionId, String userId) {
		this.actions.cancel(actionId, "cancelled in Cockpit", userId);
	}

	/**
	 * Gives a pending action more time for a Cockpit user: a new deadline or a duration added to the current one.
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException it is no longer pending
	 * @throws dev.camundahil.action.InvalidExtensionException the request cannot be read or gives no more time
	 */
	ActionRequest extend(UUID actionId, String expiresAt, String by, String userId) {
		return this.actions.extend(actionId, DeadlineChange.parse(expiresAt, by), userId);
	}

	/**
	 * Passes a pending action from some recipients (all current ones when {@code from} is empty) to others for a
	 * Cockpit user; those added get the request with links of their own.
	 * @return the recipients added
	 * @throws ActionNotFoundException no such action
	 * @throws ActionConflictException it is no longer pending
	 * @throws dev.camundahil.action.InvalidReassignmentException nobody to pass it to, an address that is none, or
	 * someone to remove who is not a recipient
	 */
	List<ActionRecipient> reassign(UUID actionId, List<String> from, List<String> to, String reason, String userId) {
		return this.actions.reassign(actionId, new Reassignment(from, to, reason, userId, false));
	}

	DispatchBacklog.Retry retryDispatch(UUID id) {
		return (this.dispatches != null) ? this.dispatches.retry(id, Instant.now()) : DispatchBacklog.Retry.NOT_FOUND;
	}

	/** @throws IllegalStateException the delivery has not failed */
	boolean retryDelivery(UUID webhookId, String deliveryId) {
		return this.webhooks != null && this.webhooks.retry(webhookId, deliveryId, Instant.now()).isPresent();
	}

	private List<Map<String, Object>> audit(UUID actionId) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (ActionAudit audit : this.actions.auditTrail(actionId)) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("event", audit.getEvent());
			entry.put("timestamp", text(audit.getTimestamp()));
			entry.put("userId", audit.getUserId());
			entry.put("data", audit.getData());
			entries.add(entry);
		}
		return entries;
	}

	/**
	 * The action's escalation levels in order: when each comes due, whom it adds, and whether it was carried out
	 * (when, from the audit trail), is still to come, or was not needed because the action closed first.
	 */
	private static List<Map<String, Object>> escalation(ActionView action, List<Map<String, Object>> audit) {
		List<EscalationLevel> levels = EscalationLevel.of(action);
		List<Map<String, Object>> plan = new ArrayList<>();
		for (int index = 0; index < levels.size(); index++) {
			int level = index + 1;
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("level", level);
			row.put("dueAt", text(action.createdAt().plus(levels.get(index).after())));
			row.put("to", levels.get(index).to());
			String escalatedAt = audit.stream()
				.filter((entry) -> AuditEvents.ESCALATED.equals(entry.get("event"))
						&& entry.get("data") instanceof Map<?, ?> data
						&& String.valueOf(level).equals(String.valueOf(data.get("level"))))
				.map((entry) -> String.valueOf(entry.get("timestamp")))
				.findFirst()
				.orElse(null);
			String state = "not needed";
			if (escalatedAt != null) {
				state = "escalated";
			}
			else if (action.status() == ActionStatus.PENDING) {
				state = "due";
			}
			row.put("state", state);
			row.put("escalatedAt", escalatedAt);
			plan.add(row);
		}
		return plan;
	}

	/**
	 * Who the action is addressed to: the approvers and addresses its arguments name, then the recipients with links
	 * of their own that they do not (people a reassignment or an escalation added); those it passed from are marked
	 * with to whom.
	 */
	private List<String> recipients(ActionRequest action) {
		Map<String, String> known = new LinkedHashMap<>();
		for (ActionRecipient recipient : this.actions.recipients(action.getId())) {
			known.putIfAbsent(recipient.address().toLowerCase(Locale.ROOT), recipient.isActive() ? recipient.address()
					: recipient.address() + " (passed to " + String.join(", ", recipient.passedTo()) + ")");
		}
		Map<String, String> shown = new LinkedHashMap<>();
		Map<String, Object> args = (action.getArgs() != null) ? action.getArgs() : Map.of();
		for (String key : List.of(ApprovalRule.APPROVERS, "to", "cc")) {
			for (String name : ArgumentList.of(args.get(key))) {
				String id = name.toLowerCase(Locale.ROOT);
				shown.putIfAbsent(id, known.getOrDefault(id, name));
			}
		}
		known.forEach(shown::putIfAbsent);
		return List.copyOf(shown.values());
	}

	private static Map<String, Object> vote(ActionVote vote) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("by", vote.by());
		view.put("value", vote.value());
		view.put("at", text(vote.at()));
		view.put("channel", vote.channel());
		return view;
	}

	private static Map<String, Object> dispatch(DispatchView row) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", row.id().toString());
		view.put("actionId", row.actionId().toString());
		view.put("outputType", row.outputType());
		view.put("channel", row.channel());
		view.put("purpose", row.purpose());
		view.put("status", row.status());
		view.put("attempts", row.attempts());
		view.put("lastError", row.lastError());
		view.put("createdAt", text(row.createdAt()));
		view.put("deliveredAt", text(row.deliveredAt()));
		return view;
	}

	private static Map<String, Object> delivery(DeliveryView row) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", row.id());
		view.put("webhookId", row.webhookId().toString());
		view.put("actionId", String.valueOf(row.actionId()));
		view.put("eventType", row.eventType());
		view.put("status", row.status());
		view.put("attempts", row.attempts());
		view.put("lastStatusCode", row.lastStatusCode());
		view.put("lastError", row.lastError());
		view.put("createdAt", text(row.createdAt()));
		return view;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
