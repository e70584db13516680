package dev.camundahil.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Problem JSON for requests under {@code /api/v1} that reach no controller: an unknown path (404), a method the
 * path does not take (405), a body type it does not read (415), a response type it cannot give (406). Controller
 * advice never sees these, as no controller was chosen; without this they would become the servlet container's
 * error page. Requests outside the API are left to the application.
 */
public class ApiPathProblems implements HandlerExceptionResolver, Ordered {

	static final String API_PREFIX = "/api/v1/";

	private final ProblemWriter problems;

	ApiPathProblems(ObjectMapper json) {
		this.problems = new ProblemWriter(json);
	}

	@Override
	public int getOrder() {
		// ahead of Spring MVC's own resolvers, which would send the container's error page
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (handler instanceof HandlerMethod || !isApi(request) || response.isCommitted()) {
			return null;
		}
		try {
			if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
				this.problems.write(request, response, HttpStatus.NOT_FOUND, "Not found",
						"No API resource at " + request.getMethod() + " " + request.getRequestURI());
			}
			else if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
				if (unsupported.getSupportedHttpMethods() != null) {
					response.setHeader(HttpHeaders.ALLOW, unsupported.getSupportedHttpMethods()
						.stream()
						.map(Object::toString)
						.collect(Collectors.joining(", ")));
				}
				this.problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
						request.getRequestURI() + " does not take " + request.getMethod() + "; it takes "
								+ String.join(", ", supported(unsupported)));
			}
			else if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
				this.problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
						unsupportedMediaType(unsupported));
			}
			else if (ex instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
				// the types of the resource asked for: a stream answers with events, not JSON
				List<MediaType> types = notAcceptable.getSupportedMediaTypes().isEmpty()
						? List.of(MediaType.APPLICATION_JSON) : notAcceptable.getSupportedMediaTypes();
				this.problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
						"This resource answers with " + MediaType.toString(types) + " only");
			}
			else {
				return null;
			}
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	static String unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		List<MediaType> supported = ex.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON)
				: ex.getSupportedMediaTypes();
		return "The body must be sent as " + MediaType.toString(supported) + ", not "
				+ ((ex.getContentType() != null) ? ex.getContentType() : "without a Content-Type");
	}

	private static String[] supported(HttpRequestMethodNotSupportedException ex) {
		return (ex.getSupportedMethods() != null) ? ex.getSupportedMethods() : new String[0];
	}

	/** Whether the request is under {@code /api/v1} as Spring MVC sees it: within its servlet path, if it has one. */
	private static boolean isApi(HttpServletRequest request) {
		String path = ServletRequestPathUtils.hasCachedPath(request) ? ServletRequestPathUtils.getCachedPathValue(request)
				: UrlPathHelper.defaultInstance.getLookupPathForRequest(request);
		return path.startsWith(API_PREFIX) || path.equals(API_PREFIX.substring(0, API_PREFIX.length() - 1));
	}

}
