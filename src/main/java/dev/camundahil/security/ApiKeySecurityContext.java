package dev.camundahil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Records an accepted API key as the request's authentication in the HIL chain of Spring Security, which then lets
 * the request through to the API.
 */
final class ApiKeySecurityContext implements ApiKeyAuthenticationFilter.AcceptedKeys {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts;

	ApiKeySecurityContext(SecurityContextRepository contexts) {
		this.contexts = contexts;
	}

	@Override
	public void record(String name, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(name));
		this.holder.setContext(context);
		// kept for the async dispatch of a streamed response, which runs the chain again without the key filter
		this.contexts.saveContext(context, request, response);
	}

}
