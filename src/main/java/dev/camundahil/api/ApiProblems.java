package dev.camundahil.api;

import dev.camundahil.action.ActionClosedException;
import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.AlreadyVotedException;
import dev.camundahil.action.ActionNotFoundException;
import dev.camundahil.action.InvalidExtensionException;
import dev.camundahil.action.InvalidReassignmentException;
import dev.camundahil.action.InvalidResponseException;
import dev.camundahil.action.NotAnApproverException;
import dev.camundahil.action.ResponseTooLargeException;
import dev.camundahil.web.ProblemJsonApi;
import dev.camundahil.web.ProblemJsonHandler;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of the HIL API into RFC 7807 problem JSON with a message a person understands: the failures
 * of actions here, the rest as {@link ProblemJsonHandler} does. Applies to the HIL controllers only (this
 * package's, and those marked {@link ProblemJsonApi}), never to the host application's.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class, annotations = ProblemJsonApi.class)
class ApiProblems extends ProblemJsonHandler {

	private final ApiProperties properties;

	ApiProblems(ApiProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(ActionNotFoundException.class)
	ProblemDetail notFound(ActionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Action not found", ex.getMessage());
	}

	@ExceptionHandler(AlreadyVotedException.class)
	ProblemDetail alreadyVoted(AlreadyVotedException ex) {
		return problem(HttpStatus.CONFLICT, "Already voted", ex.getMessage());
	}

	@ExceptionHandler(NotAnApproverException.class)
	ProblemDetail notAnApprover(NotAnApproverException ex) {
		return problem(HttpStatus.FORBIDDEN, "Not an approver", ex.getMessage());
	}

	@ExceptionHandler(ActionConflictException.class)
	ProblemDetail conflict(ActionConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Action not pending", ex.getMessage());
	}

	/**
	 * An answer that came after the action closed: the problem says how it ended ({@code status}), who answered and
	 * when ({@code respondedBy}, {@code respondedAt}), and what, unless {@code hil.api.late-answer-shows-response}
	 * is off.
	 */
	@ExceptionHandler(ActionClosedException.class)
	ProblemDetail closed(ActionClosedException ex) {
		return LateAnswerProblem.of(ex.getAction(), ex.getMessage(), this.properties.isLateAnswerShowsResponse());
	}

	@ExceptionHandler(OptimisticLockingException.class)
	ProblemDetail engineConflict(OptimisticLockingException ex) {
		return problem(HttpStatus.CONFLICT, "Changed concurrently",
				"The process instance was changed at the same time by something else; nothing was recorded. Retry.");
	}

	@ExceptionHandler(InvalidResponseException.class)
	ProblemDetail invalidResponse(InvalidResponseException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid response", ex.getMessage());
	}

	@ExceptionHandler(InvalidReassignmentException.class)
	ProblemDetail invalidReassignment(InvalidReassignmentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid reassignment", ex.getMessage());
	}

	@ExceptionHandler(InvalidExtensionException.class)
	ProblemDetail invalidExtension(InvalidExtensionException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid extension", ex.getMessage());
	}

	@ExceptionHandler(ResponseTooLargeException.class)
	ProblemDetail responseTooLarge(ResponseTooLargeException ex) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Response too large", ex.getMessage());
	}

}
