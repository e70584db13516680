package dev.camundahil.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.camundahil.api.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request without a valid API key with 401, and one the key may not make with 403, as problem JSON.
 */
final class ApiKeyProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String CHALLENGE = "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"";

	private final ProblemWriter problems;

	ApiKeyProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String detail = (ex instanceof InvalidApiKeyException) ? ex.getMessage()
				: "An API key is required: send it in the " + ApiKeyAuthenticationFilter.HEADER + " header";
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
				"This API key may not make this request");
	}

	/** A key was sent but is none of the configured ones. */
	static final class InvalidApiKeyException extends AuthenticationException {

		InvalidApiKeyException() {
			super("The API key in the " + ApiKeyAuthenticationFilter.HEADER + " header is not valid");
		}

	}

}
