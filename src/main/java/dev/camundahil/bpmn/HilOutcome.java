package dev.camundahil.bpmn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionVote;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.DefaultDecision;

/**
 * How an action ended, handed to the waiting execution when it is signalled.
 *
 * @param defaulted whether the action took its default decision at its deadline; null for tasks without one
 * @param decided whether the votes of several approvers reached a decision; null for tasks with one approver
 * @param votes the votes, {by, value, at, channel} each; null for tasks with one approver
 */
record HilOutcome(UUID actionId, ActionStatus status, Object response, String respondedBy, String comment,
		Boolean defaulted, Boolean decided, List<Map<String, Object>> votes) {

	HilOutcome(UUID actionId, ActionStatus status, Object response, String respondedBy) {
		this(actionId, status, response, respondedBy, null, null, null, null);
	}

	static HilOutcome of(ActionView action) {
		List<Map<String, Object>> votes = (action.votes() != null)
				? action.votes().stream().map(HilOutcome::vote).toList() : null;
		Boolean decided = (votes != null)
				? (action.response() != null && Boolean.TRUE.equals(action.response().decided())) : null;
		return new HilOutcome(action.id(), action.status(),
				(action.response() != null) ? action.response().value() : null,
				(action.response() != null) ? action.response().respondedBy() : null, action.comment(),
				DefaultDecision.applies(action) ? DefaultDecision.gave(action) : null, decided, votes);
	}

	/** A vote as the process sees it: {by, value, at, channel}, the time as ISO-8601 text. */
	private static Map<String, Object> vote(ActionVote vote) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("by", vote.by());
		entry.put("value", vote.value());
		entry.put("at", (vote.at() != null) ? vote.at().toString() : null);
		entry.put("channel", vote.channel());
		return entry;
	}

	/**
	 * The outcome as the result variable holds it: {actionId, status, response, respondedBy}, comment when the
	 * person gave one, {@code defaulted} for a task with a default decision, and {@code decided} and {@code votes}
	 * for one that several approvers decide.
	 */
	Map<String, Object> asMap() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("actionId", (this.actionId != null) ? this.actionId.toString() : null);
		result.put("status", this.status.value());
		result.put("response", this.response);
		result.put("respondedBy", this.respondedBy);
		if (this.comment != null) {
			result.put("comment", this.comment);
		}
		if (this.defaulted != null) {
			result.put("defaulted", this.defaulted);
		}
		if (this.votes != null) {
			result.put("decided", this.decided);
			result.put("votes", this.votes);
		}
		return result;
	}

}
