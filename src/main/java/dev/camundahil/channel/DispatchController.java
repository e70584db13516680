package dev.camundahil.channel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.camundahil.web.BadRequestException;
import dev.camundahil.web.ProblemJsonApi;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dispatch outbox for operators: its rows by status or action, and "retry now" for a row that failed.
 */
@RestController
@ProblemJsonApi
@RequestMapping(path = "/api/v1/dispatches", produces = "application/json")
@Tag(name = "Dispatches", description = "Requests and reminders sent on the output channels, and their retries")
class DispatchController {

	static final int MAX_PAGE_SIZE = 200;

	private final DispatchBacklog dispatches;

	DispatchController(DispatchBacklog dispatches) {
		this.dispatches = dispatches;
	}

	@GetMapping
	@Operation(summary = "Dispatches newest first, of one status (pending, delivered, failed, skipped) or action")
	DispatchPage list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID actionId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		// read as the actions list reads its status: any case, and blank for all
		String wanted = (status == null || status.isBlank()) ? null : status.strip().toLowerCase(Locale.ROOT);
		if (wanted != null && !DispatchBacklog.STATUSES.contains(wanted)) {
			throw new BadRequestException("'status' must be one of pending, delivered, failed, skipped, not '"
					+ status + "'");
		}
		if (page < 0) {
			throw new BadRequestException("'page' must be 0 or more, not " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequestException("'size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
		}
		return new DispatchPage(this.dispatches.list(wanted, actionId, page, size), page, size);
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Send a failed dispatch again now: one more attempt, after which it is delivered or failed "
			+ "again; 409 when it has not failed or its action no longer waits")
	ResponseEntity<DispatchView> retry(@PathVariable UUID id) {
		return switch (this.dispatches.retry(id, Instant.now())) {
			case RETRYING -> ResponseEntity.accepted().body(this.dispatches.find(id).orElseThrow());
			case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, "Dispatch not found", "No dispatch " + id);
			case NOT_FAILED -> throw problem(HttpStatus.CONFLICT, "Conflict", "Dispatch " + id + " is "
					+ this.dispatches.find(id).map(DispatchView::status).orElse("gone")
					+ "; only a failed dispatch can be retried");
			case ACTION_CLOSED -> throw problem(HttpStatus.CONFLICT, "Conflict",
					"The action of dispatch " + id + " no longer waits for an answer; nothing is sent for it");
		};
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle(title);
		return new ErrorResponseException(status, body, null);
	}

	/** One page of dispatches, newest first. */
	record DispatchPage(List<DispatchView> items, int page, int size) {
	}

}
