package dev.camundahil.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Matches the error page dispatch of a request to one of the given paths. The container renders an error of a HIL
 * page on the application's error path; without this the application's security would decide whether the person
 * sees that error or a login challenge.
 */
final class ErrorOfPathsMatcher implements RequestMatcher {

	private final List<PathPattern> patterns;

	ErrorOfPathsMatcher(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				|| !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)) {
			return false;
		}
		String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
		PathContainer container = PathContainer.parsePath(path);
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(container));
	}

}
