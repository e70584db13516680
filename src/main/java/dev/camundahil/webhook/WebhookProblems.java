package dev.camundahil.webhook;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The webhooks API's refusals, as problem JSON that the API's problem handling sends as it is.
 */
final class WebhookProblems {

	private WebhookProblems() {
	}

	static ErrorResponseException notFound(UUID id) {
		return problem(HttpStatus.NOT_FOUND, "Webhook not found", "No webhook " + id);
	}

	static ErrorResponseException deliveryNotFound(UUID webhookId, String deliveryId) {
		return problem(HttpStatus.NOT_FOUND, "Delivery not found",
				"Webhook " + webhookId + " has no delivery " + deliveryId);
	}

	static ErrorResponseException conflict(String detail) {
		return problem(HttpStatus.CONFLICT, "Conflict", detail);
	}

	static ErrorResponseException invalid(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid webhook", detail);
	}

	static ErrorResponseException badRequest(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle(title);
		return new ErrorResponseException(status, body, null);
	}

}
