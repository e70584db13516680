package dev.camundahil.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request made with one of the configured API keys. Its name is the key's name; the key itself is not kept.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	/** The authority every API key has. */
	public static final String AUTHORITY = "HIL_API";

	private final String name;

	ApiKeyAuthentication(String name) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.name = name;
		setAuthenticated(true);
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.name;
	}

}
