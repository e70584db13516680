package dev.camundahil.api;

import dev.camundahil.action.ActionResponse;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The 409 problem of an answer that came after its action closed, saying how it closed: {@code status}, and for an
 * answered action {@code respondedBy}, {@code respondedAt} and (where shown) {@code response} and {@code comment}.
 */
final class LateAnswerProblem {

	private LateAnswerProblem() {
	}

	/**
	 * @param message what the refusal said, to which the problem's detail adds how the action ended
	 */
	static ProblemDetail of(ActionView action, String message, boolean showResponse) {
		String refused = (message != null) ? message.replaceAll("[.;\\s]+$", "") + ". " : "";
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
		problem.setTitle("Action not pending");
		problem.setProperty("actionId", action.id());
		problem.setProperty("status", action.status().value());
		ActionResponse response = action.response();
		if (action.status() == ActionStatus.COMPLETED && response != null) {
			problem.setProperty("respondedBy", response.respondedBy());
			problem.setProperty("respondedAt", String.valueOf(response.timestamp()));
			if (showResponse) {
				problem.setProperty("response", response.value());
				if (action.comment() != null) {
					problem.setProperty("comment", action.comment());
				}
			}
			String by = (response.respondedBy() != null) ? " by " + response.respondedBy() : "";
			problem.setDetail(refused + "Action " + action.id() + " was answered" + by + " at " + response.timestamp()
					+ "; nothing was recorded.");
		}
		else {
			String how = (action.status() == ActionStatus.CANCELLED) ? "withdrawn" : "expired";
			problem.setProperty("closedAt", String.valueOf(action.updatedAt()));
			problem.setDetail(refused + "Action " + action.id() + " was " + how + " at " + action.updatedAt()
					+ "; nothing was recorded.");
		}
		return problem;
	}

}
