package dev.camundahil.security;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request to the HIL API by its {@code X-API-Key} header and refuses one without a valid key,
 * before anything is read. The key's name becomes the request's user principal, recorded as the user of what the
 * request changes. Public pages ignore the header: they check their own signed tokens. The same filter serves in
 * the HIL chain of Spring Security and, where Spring Security is absent, as a servlet filter of its own; it needs
 * nothing of Spring Security.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private final ApiKeys keys;

	private final HilPaths paths;

	private final ApiKeyProblems problems;

	private final AcceptedKeys accepted;

	ApiKeyAuthenticationFilter(ApiKeys keys, HilPaths paths, ApiKeyProblems problems, AcceptedKeys accepted) {
		this.keys = keys;
		this.paths = paths;
		this.problems = problems;
		this.accepted = accepted;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.paths.needsKey(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented == null) {
			this.problems.missingKey(request, response);
			return;
		}
		Optional<String> name = this.keys.nameOf(presented);
		if (name.isEmpty()) {
			this.problems.invalidKey(request, response);
			return;
		}
		this.accepted.record(name.get(), request, response);
		chain.doFilter(new KeyHolderRequest(request, name.get()), response);
	}

	/** Where an accepted key is recorded besides the request: the security context, where Spring Security decides. */
	@FunctionalInterface
	interface AcceptedKeys {

		/** The request alone carries the key's name. */
		AcceptedKeys REQUEST_ONLY = (name, request, response) -> {
		};

		void record(String name, HttpServletRequest request, HttpServletResponse response);

	}

	/** A request made with an accepted key, whose user is the key's name. */
	private static final class KeyHolderRequest extends HttpServletRequestWrapper {

		private final Principal user;

		KeyHolderRequest(HttpServletRequest request, String name) {
			super(request);
			this.user = () -> name;
		}

		@Override
		public Principal getUserPrincipal() {
			return this.user;
		}

		@Override
		public String getRemoteUser() {
			return this.user.getName();
		}

	}

}
