package dev.camundahil.mail.oauth2;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * One token request to the authorization server: Spring Security's OAuth2 client does the standard form-encoded POST
 * and reads the answer, or the server's OAuth2 error.
 */
@FunctionalInterface
interface TokenEndpoint {

	/** How long a token request may take, connecting and reading; a dispatch attempt waits for it. */
	Duration TIMEOUT = Duration.ofSeconds(20);

	/**
	 * Asks for a new access token.
	 * @param refreshToken the refresh token to use for grant type refresh_token; ignored by client_credentials
	 */
	OAuth2AccessTokenResponse request(OAuth2RefreshToken refreshToken);

	static TokenEndpoint of(MailOAuth2Properties properties) {
		ClientRegistration registration = registration(properties);
		RestClient http = restClient();
		if (properties.getGrantType() == MailOAuth2Properties.GrantType.REFRESH_TOKEN) {
			RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
			client.setRestClient(http);
			// the grant request carries the previous access token, which the request body does not use
			OAuth2AccessToken none = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "none",
					Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
			return (refreshToken) -> client.getTokenResponse(
					new OAuth2RefreshTokenGrantRequest(registration, none, refreshToken, registration.getScopes()));
		}
		RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
		client.setRestClient(http);
		return (refreshToken) -> client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration));
	}

	private static ClientRegistration registration(MailOAuth2Properties properties) {
		ClientAuthenticationMethod authentication;
		if (!MailOAuth2Properties.hasText(properties.getClientSecret())) {
			authentication = ClientAuthenticationMethod.NONE;
		}
		else if (properties.getClientAuthentication() == MailOAuth2Properties.ClientAuthentication.POST) {
			authentication = ClientAuthenticationMethod.CLIENT_SECRET_POST;
		}
		else {
			authentication = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		}
		AuthorizationGrantType grant = (properties.getGrantType() == MailOAuth2Properties.GrantType.REFRESH_TOKEN)
				? AuthorizationGrantType.REFRESH_TOKEN : AuthorizationGrantType.CLIENT_CREDENTIALS;
		return ClientRegistration.withRegistrationId("mailbox")
			.clientId(properties.getClientId())
			.clientSecret(properties.getClientSecret())
			.clientAuthenticationMethod(authentication)
			.authorizationGrantType(grant)
			.scope(properties.scopes())
			.tokenUri(properties.getTokenUri())
			.build();
	}

	/** The client Spring Security would build, with timeouts: a token endpoint that hangs must not hold a worker. */
	private static RestClient restClient() {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
		requests.setReadTimeout(TIMEOUT);
		return RestClient.builder()
			.requestFactory(requests)
			.messageConverters((converters) -> {
				converters.clear();
				converters.add(new FormHttpMessageConverter());
				converters.add(new StringHttpMessageConverter());
				converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

}
