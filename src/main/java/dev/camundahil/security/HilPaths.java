package dev.camundahil.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The plugin's paths: the API under {@code /api/v1}, which takes API keys, and the public pages of
 * {@code hil.security.public-paths}, which check their own signed tokens, all under Spring MVC's servlet path
 * ({@code spring.mvc.servlet.path}), where the application moved them. A request's path is taken after the context
 * path and matched as Spring Security's {@code PathPatternRequestMatcher} does, so that the HIL chain and the servlet
 * filters standing in for it where Spring Security is absent decide the same requests.
 */
final class HilPaths {

	private final PathPattern api;

	private final List<PathPattern> publicPages;

	private final List<String> patterns;

	/**
	 * @param publicPatterns the setting {@code hil.security.public-paths}; blank entries are skipped
	 * @param prefix the path Spring MVC's dispatcher servlet is mapped under, such as {@code /mvc}; empty when it
	 * serves the whole application (see {@link SecurityConfiguration#servletPrefix})
	 */
	HilPaths(List<String> publicPatterns, String prefix) {
		List<String> pages = publicPatterns.stream()
			.filter((pattern) -> pattern != null && !pattern.isBlank())
			.map((pattern) -> prefix + pattern.strip())
			.toList();
		this.publicPages = pages.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.api = PathPatternParser.defaultInstance.parse(prefix + SecurityConfiguration.API_PATHS);
		List<String> all = new ArrayList<>(pages);
		all.add(prefix + SecurityConfiguration.API_PATHS);
		this.patterns = List.copyOf(all);
	}

	/** Whether the request is for a HIL path, API or public page. */
	boolean matches(HttpServletRequest request) {
		PathContainer path = path(request);
		return this.api.matches(path) || isPublic(path);
	}

	/** Whether the request is for a public page. */
	boolean isPublic(HttpServletRequest request) {
		return isPublic(path(request));
	}

	/** Whether the request is for the API and needs a key: under {@code /api/v1} and no public page. */
	boolean needsKey(HttpServletRequest request) {
		PathContainer path = path(request);
		return this.api.matches(path) && !isPublic(path);
	}

	/** The patterns of every HIL path, under the servlet path, public pages first. */
	List<String> patterns() {
		return this.patterns;
	}

	private boolean isPublic(PathContainer path) {
		return this.publicPages.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private static PathContainer path(HttpServletRequest request) {
		RequestPath path;
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			path = ServletRequestPathUtils.getParsedRequestPath(request);
		}
		else {
			// parsed for this match only: Spring MVC parses it again, for its own servlet, when it maps the request
			path = ServletRequestPathUtils.parseAndCache(request);
			ServletRequestPathUtils.clearParsedRequestPath(request);
		}
		return path.subPath(path.contextPath().elements().size());
	}

}
