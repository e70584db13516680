package dev.camundahil.api;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.camundahil.action.ActionQuery;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.DeadlineChange;
import dev.camundahil.action.Reassignment;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.web.BadRequestException;
import dev.camundahil.web.HilJson;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actions API: list, read, answer, cancel, reassign, extend, delete and audit actions. A thin layer over {@link ActionService}.
 */
@RestController
@RequestMapping(path = "/api/v1/actions", produces = "application/json")
@Tag(name = "Actions", description = "Requests for a human to act, and their answers")
class ActionController {

	static final int MAX_PAGE_SIZE = 200;

	/** The longest {@code Idempotency-Key}: as long as the column that keeps it. */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	private final ActionService actions;

	private final ObjectMapper json;

	ActionController(ActionService actions) {
		this.actions = actions;
		// the plugin's JSON, so that the application's Jackson settings do not change the Java values of answers
		this.json = HilJson.mapper();
	}

	@GetMapping
	@Operation(summary = "List actions, newest first; soft-deleted actions are never listed")
	ActionPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String flowId,
			@RequestParam(required = false) String sessionId, @RequestParam(required = false) String nodeId,
			@RequestParam(required = false) String outputType, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0) {
			throw new BadRequestException("'page' must be 0 or more, not " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequestException("'size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
		}
		ActionQuery query = new ActionQuery(status(status), blankToNull(flowId), blankToNull(sessionId),
				blankToNull(nodeId), blankToNull(outputType));
		Page<ActionView> found = this.actions
			.list(query, PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
			.map(ActionView::of);
		return new ActionPage(found.getContent(), page, size, found.getTotalElements());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One action; 404 for unknown or deleted ones")
	ActionView get(@PathVariable UUID id) {
		return ActionView.of(this.actions.find(id));
	}

	@PostMapping(path = "/{id}/respond", consumes = "application/json")
	@Operation(summary = "Answer a pending action; the waiting process resumes with the answer (and the comment, "
			+ "as hilComment)", description = "409 when the action is no longer pending: the problem carries status, "
					+ "respondedBy and respondedAt, and the recorded response and comment unless "
					+ "hil.api.late-answer-shows-response is off. 413 when the value or the comment is larger than "
					+ "hil.security.max-response-value-size. On an action that several approvers decide (task "
					+ "parameter 'approval' = all or quorum:N) the answer is the vote of the approver named in "
					+ "'respondedBy': the action shows it in 'votes' and 'tally', and completes once the votes decide. "
					+ "403 when 'respondedBy' names no approver, 409 when that approver already voted, 400 for a "
					+ "value outside 'expectedResponse'.")
	ActionView respond(@PathVariable UUID id, @RequestBody RespondRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal principal) {
		if (body.value == null) {
			throw new BadRequestException("'value' is required: the answer, any JSON value");
		}
		String key = blankToNull(idempotencyKey);
		if (key != null && key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new BadRequestException("The Idempotency-Key header may be at most " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " characters long, not " + key.length());
		}
		ResponseCommand command = new ResponseCommand(toJava(body), body.respondedBy, name(principal), "api", key,
				body.comment);
		return ActionView.of(this.actions.respond(id, command));
	}

	@PostMapping(path = "/{id}/cancel")
	@Operation(summary = "Cancel a pending action; the waiting process resumes with status cancelled")
	ActionView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelRequest body, Principal principal) {
		CancelRequest request = (body != null) ? body : new CancelRequest();
		String userId = (request.userId != null) ? request.userId : name(principal);
		return ActionView.of(this.actions.cancel(id, request.reason, userId));
	}

	@PostMapping(path = "/{id}/reassign", consumes = "application/json")
	@Operation(summary = "Pass a pending action from some recipients to others",
			description = "Removes the recipients in 'from' (all current ones when it is empty or absent) and adds "
					+ "those in 'to', who get the request by email with links of their own; the links of those "
					+ "removed stop answering and show where the action went. Audited as 'reassigned', published as "
					+ "the webhook event action.reassigned. 404 for an unknown action, 409 when it is no longer "
					+ "pending, 400 for an empty 'to', an address that is none, or someone in 'from' who is not a "
					+ "recipient.")
	ReassignResult reassign(@PathVariable UUID id, @RequestBody ReassignRequest body, Principal principal) {
		if (body.to == null || body.to.isEmpty()) {
			throw new BadRequestException("'to' is required: one or more email addresses to pass the action to");
		}
		Reassignment reassignment = new Reassignment(body.from, body.to, blankToNull(body.reason), name(principal),
				false);
		List<RecipientEntry> recipients = this.actions.reassign(id, reassignment)
			.stream()
			.map(RecipientEntry::of)
			.toList();
		return new ReassignResult(ActionView.of(this.actions.find(id)), recipients);
	}

	@PostMapping(path = "/{id}/extend", consumes = "application/json")
	@Operation(summary = "Move the deadline of a pending action",
			description = "Either 'expiresAt' (the new deadline) or 'by' (an ISO-8601 duration added to the current "
					+ "deadline, or to now when there is none), not both. The new deadline must be later than now and "
					+ "not later than 9999-12-31T23:59:59Z. Links already sent stay valid until the new deadline, "
					+ "reminders not yet due keep their times. Audited as 'extended', published as the webhook event "
					+ "action.extended. 404 for an unknown action, 409 when it is no longer pending, 400 for a body "
					+ "with both fields or neither, a value that cannot be read, or a deadline not later than now or "
					+ "past the latest one.")
	ActionView extend(@PathVariable UUID id, @RequestBody ExtendRequest body, Principal principal) {
		return ActionView.of(this.actions.extend(id, DeadlineChange.parse(body.expiresAt, body.by), name(principal)));
	}

	@GetMapping("/{id}/recipients")
	@Operation(summary = "The people an email action is addressed to, and those it passed from")
	List<RecipientEntry> recipients(@PathVariable UUID id) {
		this.actions.find(id);
		return this.actions.recipients(id).stream().map(RecipientEntry::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Soft-delete an action, cancelling it first if it is pending")
	void delete(@PathVariable UUID id, Principal principal) {
		this.actions.delete(id, name(principal));
	}

	@GetMapping("/{id}/audit")
	@Operation(summary = "The audit trail of an action, oldest first")
	List<AuditEntry> audit(@PathVariable UUID id) {
		return this.actions.auditTrail(id).stream().map(AuditEntry::of).toList();
	}

	private Object toJava(RespondRequest body) {
		try {
			return this.json.treeToValue(body.value, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new BadRequestException("'value' cannot be read: " + ex.getOriginalMessage());
		}
	}

	private static ActionStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ActionStatus.of(status);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("'status' " + ex.getMessage().substring(0, 1).toLowerCase()
					+ ex.getMessage().substring(1));
		}
	}

	private static String name(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
