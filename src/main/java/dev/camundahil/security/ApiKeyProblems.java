package dev.camundahil.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.camundahil.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Answers a request without a valid API key with 401, and one the key may not make with 403, as problem JSON.
 */
final class ApiKeyProblems {

	static final String CHALLENGE = "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"";

	private final ProblemWriter problems;

	ApiKeyProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	void missingKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
		unauthorized(request, response,
				"An API key is required: send it in the " + ApiKeyAuthenticationFilter.HEADER + " header");
	}

	void invalidKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
		unauthorized(request, response,
				"The API key in the " + ApiKeyAuthenticationFilter.HEADER + " header is not valid");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
				"This API key may not make this request");
	}

	private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

}
