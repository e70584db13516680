package dev.camundahil.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code X-API-Key} header. A request without the header goes on unauthenticated
 * (and is refused later where a key is required); a request with a wrong key is refused here, before anything is
 * read. Public paths ignore the header: they check their own signed tokens.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private final ApiKeys keys;

	private final RequestMatcher publicPaths;

	private final ApiKeyProblems problems;

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthenticationFilter(ApiKeys keys, RequestMatcher publicPaths, ApiKeyProblems problems,
			SecurityContextRepository contexts) {
		this.keys = keys;
		this.publicPaths = publicPaths;
		this.problems = problems;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented == null || this.publicPaths.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<String> name = this.keys.nameOf(presented);
		if (name.isEmpty()) {
			this.holder.clearContext();
			this.problems.commence(request, response, new ApiKeyProblems.InvalidApiKeyException());
			return;
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(name.get()));
		this.holder.setContext(context);
		// kept for the async dispatch of a streamed response, which runs the chain again without this filter
		this.contexts.saveContext(context, request, response);
		chain.doFilter(request, response);
	}

}
