package dev.camundahil.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.observation.ObservationRegistry;

import dev.camundahil.web.ProblemWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall refuses — a path with an empty, {@code .} or {@code ..} segment,
 * a {@code ;}, an encoded {@code /} or {@code %}, or a method it does not know — with problem JSON when it is for
 * the HIL API, as every other refusal of the API is. The firewall refuses before any filter chain is chosen, so the
 * HIL chain never sees these requests; every other request gets the answer it would get without the plugin.
 */
final class ApiRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiRequestRejectedHandler.class);

	/** The methods Spring Security's firewall lets through by default. */
	private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private final String api;

	private final ProblemWriter problems;

	/** Marks the request's observation as refused, as Spring Security does without this handler; may be null. */
	private final RequestRejectedHandler observation;

	private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

	/**
	 * @param servletPrefix the path Spring MVC's dispatcher servlet is mapped under, such as {@code /mvc}; empty when
	 * it serves the whole application (see {@link SecurityConfiguration#servletPrefix})
	 */
	ApiRequestRejectedHandler(String servletPrefix, ProblemWriter problems, ObservationRegistry observations) {
		this.api = servletPrefix + SecurityConfiguration.API_ROOT;
		this.problems = problems;
		this.observation = observations.isNoop() ? null : new ObservationMarkingRequestRejectedHandler(observations);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException, ServletException {
		if (this.observation != null) {
			this.observation.handle(request, response, ex);
		}
		if (!isApi(request)) {
			this.others.handle(request, response, ex);
			return;
		}
		log.debug("Refused a request to the HIL API: {}", ex.getMessage());
		String method = request.getMethod();
		String detail = KNOWN_METHODS.contains(method) ? "The request path holds what this API refuses: an empty, '.' "
				+ "or '..' segment, a ';', or an encoded '/', '\\', '%' or control character. Send the path as the API "
				+ "documents it" : "This API does not take the method " + method;
		this.problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request", detail);
	}

	/**
	 * Whether the request is for the API as it was sent: the firewall refused it before its path was read, so it is
	 * matched on its raw URI, with repeated slashes taken as one.
	 */
	private boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		String path = (uri.startsWith(context) ? uri.substring(context.length()) : uri).replaceAll("/{2,}", "/");
		return path.equals(this.api) || path.startsWith(this.api + "/") || path.startsWith(this.api + ";");
	}

}
