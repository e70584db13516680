package example.operatonhost;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HIL view in Operaton's Cockpit, over HTTP as its script calls it: Operaton serves the plugin's script, and its
 * admin user, in Operaton's own admin group, reads an instance's actions, extends one and cancels it with the
 * Cockpit session and CSRF token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperatonCockpitTest {

	static final String API = "/operaton/api/cockpit/plugin/hil/default";

	@Autowired
	RuntimeService runtime;

	@Autowired
	ActionService actions;

	@Value("${local.server.port}")
	int port;

	@Test
	void operatonsAdminSeesExtendsAndCancelsAnActionInCockpit() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("booking", "booking-cockpit",
				Map.of("room", "Porto"));
		ActionRequest action = this.actions.findByProcessInstanceId(instance.getId()).get(0);
		Session admin = new Session();
		admin.logIn("demo", "demo");

		HttpResponse<String> script = admin.get("/operaton/api/cockpit/plugin/hil/static/app/plugin.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("Human tasks");

		HttpResponse<String> view = admin.get(API + "/process-instance/" + instance.getId());
		assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
		assertThat(view.body()).contains(action.getId().toString())
			.contains("Shall I book room Porto?")
			.contains("\"mayAct\":true");

		HttpResponse<String> extended = admin.post(API + "/actions/" + action.getId() + "/extend", "{\"by\": \"P1D\"}");
		assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getExpiresAt()).isAfter(action.getExpiresAt());

		HttpResponse<String> cancelled = admin.post(API + "/actions/" + action.getId() + "/cancel", null);
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.actions.auditTrail(action.getId()))
			.anyMatch((entry) -> "cancelled".equals(entry.getEvent()) && "demo".equals(entry.getUserId()));
	}

	/** A Cockpit session over plain HTTP, with its cookies and CSRF token. */
	private final class Session {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.cookieHandler(this.cookies)
			.build();

		/** The CSRF token the webapp last handed out, in a header or a cookie. */
		String token;

		Session() throws Exception {
			remember(this.http.send(HttpRequest.newBuilder(uri("/operaton/app/cockpit/")).build(),
					BodyHandlers.ofString()));
		}

		void logIn(String user, String password) throws Exception {
			HttpResponse<String> login = this.http.send(
					HttpRequest.newBuilder(uri("/operaton/api/admin/auth/user/default/login/cockpit"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("X-XSRF-TOKEN", xsrf())
						.POST(BodyPublishers.ofString("username=" + user + "&password=" + password))
						.build(),
					BodyHandlers.ofString());
			assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
			remember(login);
			// the login starts a new session with a token of its own, which the next read hands out
			get("/operaton/api/admin/auth/user/default");
		}

		HttpResponse<String> get(String path) throws Exception {
			return remember(this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
					BodyHandlers.ofString()));
		}

		HttpResponse<String> post(String path, String json) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", xsrf())
				.POST((json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
			if (json != null) {
				request.header("Content-Type", "application/json");
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
			return URI.create("http://127.0.0.1:" + OperatonCockpitTest.this.port + path);
		}

	}

}
