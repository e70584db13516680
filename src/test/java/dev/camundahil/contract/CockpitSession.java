package dev.camundahil.contract;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session of the engine's webapps over plain HTTP, as Cockpit's scripts call the plugin's resources: its cookies
 * and the CSRF token the webapps hand out. The same on both engines, whose webapps differ only in their path
 * ({@code /camunda} or {@code /operaton}).
 */
public final class CockpitSession {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.cookieHandler(this.cookies)
		.build();

	private final int port;

	private final String webapps;

	/** The CSRF token the webapps last handed out, in a header or a cookie. */
	private String token;

	/** Opens Cockpit anonymously, which hands out the first CSRF token. */
	public CockpitSession(int port, String webapps) throws IOException, InterruptedException {
		this.port = port;
		this.webapps = webapps;
		remember(this.http.send(HttpRequest.newBuilder(uri(webapps + "/app/cockpit/")).build(),
				BodyHandlers.ofString()));
	}

	/** The plugin's resources for the default engine: {@code <webapps>/api/cockpit/plugin/hil/default}. */
	public String api() {
		return this.webapps + "/api/cockpit/plugin/hil/default";
	}

	public void logIn(String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> login = this.http.send(
				HttpRequest.newBuilder(uri(this.webapps + "/api/admin/auth/user/default/login/cockpit"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", xsrf())
					.POST(BodyPublishers.ofString("username=" + user + "&password=" + password))
					.build(),
				BodyHandlers.ofString());
		assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
		remember(login);
		// the login starts a new session with a token of its own, which the next read hands out
		get(this.webapps + "/api/admin/auth/user/default");
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return remember(this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
				BodyHandlers.ofString()));
	}

	/** Posts without a body, with the CSRF token or, to see it refused, without. */
	public HttpResponse<String> post(String path, boolean withToken) throws IOException, InterruptedException {
		return post(path, null, withToken);
	}

	/** Posts JSON (or nothing when {@code json} is null), with the CSRF token or without. */
	public HttpResponse<String> post(String path, String json, boolean withToken)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.POST((json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (withToken) {
			request.header("X-XSRF-TOKEN", xsrf());
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> remember(HttpResponse<String> response) {
		response.headers().firstValue("X-XSRF-TOKEN").ifPresent((value) -> this.token = value);
		return response;
	}

	private String xsrf() {
		if (this.token != null) {
			return this.token;
		}
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
