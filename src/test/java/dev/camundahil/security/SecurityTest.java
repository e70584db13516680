package dev.camundahil.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security of the whole app over real HTTP: API keys on every actions endpoint, Camunda's own authentication
 * of its REST API and webapps, input limits, and injection attempts that must stay plain data.
 * <p>
 * It starts a context of its own: Camunda's webapps keep their runtime and engine registry in JVM-wide state, which
 * the last context of the run to start or to close sets, so a cached context's Cockpit is sure to work only right
 * after it started.
 */
@PostgresTest
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
class SecurityTest {

	static final String KEY = "test-key";

	static final String INJECTION = "'; DROP TABLE action_request; --";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	String approval;

	String freeText;

	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void deploy() {
		// Camunda's REST API and webapps find their engine in a JVM-wide registry by name; other test contexts of
		// this JVM may have registered theirs under the same name since this one started
		ProcessEngines.registerProcessEngine(this.engine);
		this.approval = HilProcesses.key("sec");
		this.freeText = HilProcesses.key("sec_free");
		this.repository.createDeployment()
			.addModelInstance(this.approval + ".bpmn", HilProcesses.approval(this.approval))
			.addModelInstance(this.freeText + ".bpmn",
					HilProcesses.waitingAfter(HilProcesses.hilTask(this.freeText, "${question}", "chat")))
			.deploy();
	}

	@Test
	void everyActionsEndpointRefusesAMissingOrWrongKeyAndChangesNothing() throws Exception {
		UUID id = startApproval();
		List<Call> calls = endpoints(id);
		List<Map<String, String>> refusedHeaders = List.of(Map.of(), Map.of("X-API-Key", "wrong-key"),
				Map.of("X-API-Key", KEY.toUpperCase()), Map.of("X-API-Key", KEY + "x"), Map.of("X-API-Key", ""),
				Map.of("Authorization", "Bearer " + KEY), Map.of("Authorization", basic("tests", KEY)));

		for (Call call : calls) {
			for (Map<String, String> headers : refusedHeaders) {
				Reply reply = send(call.method(), call.path(), call.body(), headers);
				assertThat(reply.status()).as("%s %s with %s", call.method(), call.path(), headers).isEqualTo(401);
				assertThat(reply.contentType()).isEqualTo("application/problem+json");
				assertThat(reply.header("WWW-Authenticate")).startsWith("ApiKey");
				assertThat(reply.json().get("detail").asText()).contains("X-API-Key");
				assertThat(reply.text()).doesNotContain(id.toString() + "\",\"flowId").doesNotContain("Exception");
			}
			Reply inQuery = send(call.method(), call.path() + (call.path().contains("?") ? "&" : "?") + "X-API-Key=" + KEY,
					call.body(), Map.of());
			assertThat(inQuery.status()).as("a key in the query string is not a key").isEqualTo(401);
		}
		assertThat(send("GET", "/api/v1/actions", null, Map.of()).json().get("detail").asText())
			.contains("required");
		assertThat(send("GET", "/api/v1/actions", null, Map.of("X-API-Key", "wrong-key")).json().get("detail").asText())
			.contains("not valid");

		assertThat(auditEvents(id)).containsExactly("created", "dispatched");
		assertThat(this.actions.lookup(id).orElseThrow().isPending()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_webhook", Integer.class)).isZero();
	}

	@Test
	void theRightKeyReachesEveryActionsEndpointAndIsRecordedAsTheUser() throws Exception {
		UUID answered = startApproval();
		UUID cancelled = startApproval();
		UUID deleted = startApproval();

		assertThat(call("GET", "/api/v1/actions?flowId=" + this.approval, null).status()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/actions/" + answered, null).status()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/actions/" + answered + "/audit", null).status()).isEqualTo(200);
		Reply respond = call("POST", "/api/v1/actions/" + answered + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"ann@example.com\"}");
		assertThat(respond.status()).isEqualTo(200);
		assertThat(respond.json().get("response").get("respondedBy").asText()).isEqualTo("ann@example.com");
		assertThat(call("POST", "/api/v1/actions/" + cancelled + "/cancel", "{\"reason\": \"no longer needed\"}")
			.status()).isEqualTo(200);
		assertThat(call("DELETE", "/api/v1/actions/" + deleted, null).status()).isEqualTo(204);

		assertThat(auditUser(answered, "completed")).isEqualTo("tests");
		assertThat(auditUser(cancelled, "cancelled")).isEqualTo("tests");
		assertThat(auditUser(deleted, "deleted")).isEqualTo("tests");
	}

	@Test
	void spellingsOfThePathDoNotGetAroundTheKey() throws Exception {
		startApproval();
		for (String path : List.of("/api/v1/./actions", "/chat/../api/v1/actions", "/chat/..%2Fapi/v1/actions",
				"/api/v1/actions;x=1", "/API/V1/actions", "/api%2Fv1/actions", "//api/v1/actions",
				"/hil/%2e%2e/api/v1/actions", "/api/v1/actions%00")) {
			Reply reply = send("GET", path + "?flowId=" + this.approval, null, Map.of());
			assertThat(reply.status()).as(path).isIn(400, 401, 403, 404);
			assertThat(reply.text()).as(path).doesNotContain(this.approval);
		}
	}

	@Test
	void requestsTheFirewallRefusesAreProblemsOnTheApiAndAsBeforeElsewhere() throws Exception {
		UUID id = startApproval();

		for (String path : List.of("/api/v1//actions", "/api/v1/actions;x=1", "/api/v1/actions/%25",
				"/api/v1/./actions/" + id, "/api/v1/actions/%2e%2e/actions/" + id, "//api/v1/actions/" + id)) {
			assertProblem(call("GET", path, null), 400, "The request path holds what this API refuses");
		}
		assertProblem(call("FOO", "/api/v1/actions/" + id, null), 400, "does not take the method FOO");
		Reply outside = send("GET", "/engine-rest//process-definition", null, Map.of());
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.contentType()).isNotEqualTo("application/problem+json");

		assertThat(auditEvents(id)).containsExactly("created", "dispatched");
	}

	@Test
	void unknownPathsWrongMethodsAndWrongBodyTypesAreProblems() throws Exception {
		UUID id = startApproval();

		assertThat(send("GET", "/api/v1/nothing-here", null, Map.of()).status()).as("no key, no hints").isEqualTo(401);
		assertProblem(call("GET", "/api/v1/nothing-here", null), 404, "No API resource");
		assertProblem(call("GET", "/api/v1/actions/" + id + "/nothing", null), 404, "No API resource");
		Reply put = call("PUT", "/api/v1/actions/" + id, "{}");
		assertProblem(put, 405, "does not take PUT");
		assertThat(put.header("Allow")).contains("GET").contains("DELETE");
		assertProblem(call("GET", "/api/v1/actions/" + id + "/respond", null), 405, "GET");
		assertProblem(send("POST", "/api/v1/actions/" + id + "/respond", "{\"value\": \"Approve\"}",
				Map.of("X-API-Key", KEY, "Content-Type", "text/plain")), 415, "application/json");
		assertProblem(send("POST", "/api/v1/actions/" + id + "/respond", "value=Approve",
				Map.of("X-API-Key", KEY, "Content-Type", "application/x-www-form-urlencoded")), 415, "application/json");
		assertProblem(send("POST", "/api/v1/actions/" + id + "/cancel", "{\"reason\": \"x\"}",
				Map.of("X-API-Key", KEY, "Content-Type", "text/plain")), 415, "application/json");
		assertProblem(send("GET", "/api/v1/actions/" + id, null, Map.of("X-API-Key", KEY, "Accept", "text/html")), 406,
				"application/json");
		assertProblem(send("GET", "/api/v1/chat/some-session/stream", null,
				Map.of("X-API-Key", KEY, "Accept", "application/json")), 406, "answers with text/event-stream only");

		assertThat(auditEvents(id)).containsExactly("created", "dispatched");
	}

	@Test
	void malformedBodiesAreRefusedNamingTheField() throws Exception {
		UUID id = startFreeText("Anything?");
		String respond = "/api/v1/actions/" + id + "/respond";

		assertProblem(call("POST", respond, "{\"value\": \"ok\", \"respondedBy\": [\"ann\"]}"), 400, "respondedBy");
		assertProblem(call("POST", respond, "{\"value\": \"ok\", \"respondedby\": \"ann\"}"), 400, "'respondedby'");
		assertProblem(call("POST", respond, "<value>ok</value>"), 400, "not valid JSON");
		assertProblem(call("POST", respond, "\"ok\""), 400, "JSON object");
		assertProblem(call("POST", "/api/v1/actions/" + id + "/cancel", "{\"reason\": {\"a\": 1}}"), 400, "reason");
		assertProblem(call("POST", "/api/v1/actions/" + id + "' OR '1'='1/cancel", "{}"), 400, "UUID");
		assertProblem(call("GET", "/api/v1/actions/00000000-0000-0000-0000-00000000000g", null), 400, "UUID");

		assertThat(auditEvents(id)).containsExactly("created", "dispatched");
	}

	@Test
	void oversizedBodiesAreRefusedBeforeTheyAreReadAndWriteNothing() throws Exception {
		UUID id = startFreeText("Anything?");
		String respond = "/api/v1/actions/" + id + "/respond";
		String huge = "{\"value\": \"" + "x".repeat(300 * 1024) + "\"}";

		assertProblem(call("POST", respond, huge), 413, "256 KB");
		assertProblem(chunked(respond, huge, KEY), 413, "256 KB");
		assertThat(send("POST", respond, huge, Map.of("Content-Type", "application/json")).status())
			.as("no key: refused before the body matters")
			.isEqualTo(401);
		Reply bigValue = call("POST", respond, "{\"value\": \"" + "y".repeat(70 * 1024) + "\"}");
		assertProblem(bigValue, 413, "at most 65536");
		assertThat(bigValue.json().get("title").asText()).isEqualTo("Response too large");
		// a value over its own limit reaches the action and is refused there, which its audit trail keeps
		assertThat(auditEvents(id)).containsExactly("created", "dispatched", "response_rejected");
		assertThat(this.actions.lookup(id).orElseThrow().isPending()).isTrue();

		Reply fits = chunked(respond, "{\"value\": {\"note\": \"" + "z".repeat(60 * 1024) + "\"}, \"respondedBy\": \"ann\"}",
				KEY);
		assertThat(fits.status()).as("a chunked body within the limits: %s", fits.text()).isEqualTo(200);
		assertThat(fits.json().get("response").get("value").get("note").asText()).hasSize(60 * 1024);
		assertThat(auditEvents(id)).containsExactly("created", "dispatched", "response_rejected", "completed");
	}

	@Test
	void sqlInQueryParametersIsOnlyText() throws Exception {
		UUID id = startApproval();
		long rows = this.jdbc.queryForObject("SELECT count(*) FROM action_request", Long.class);

		for (String parameter : List.of("flowId", "sessionId", "nodeId", "outputType")) {
			for (String attempt : List.of("x' OR '1'='1", INJECTION, "x\" OR 1=1 --", "%' OR 1=1 --", "*")) {
				Reply reply = call("GET", "/api/v1/actions?" + parameter + "=" + encode(attempt), null);
				assertThat(reply.status()).as("%s=%s", parameter, attempt).isEqualTo(200);
				assertThat(reply.json().get("total").asLong()).as("%s=%s", parameter, attempt).isZero();
			}
		}
		assertProblem(call("GET", "/api/v1/actions?status=" + encode("pending' OR '1'='1"), null), 400, "status");
		assertProblem(call("GET", "/api/v1/actions?size=" + encode("1; DROP TABLE action_request"), null), 400, "size");
		Reply sameFlow = call("GET", "/api/v1/actions?flowId=" + encode(this.approval), null);
		assertThat(sameFlow.json().get("total").asLong()).isEqualTo(1);

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_request", Long.class)).isEqualTo(rows);
		assertThat(auditEvents(id)).containsExactly("created", "dispatched");
	}

	@Test
	void sqlInFreeTextFieldsIsStoredAsGiven() throws Exception {
		UUID answered = startFreeText(INJECTION);
		UUID cancelled = startFreeText("Cancel me?");
		long rows = this.jdbc.queryForObject("SELECT count(*) FROM action_request", Long.class);

		Reply respond = send("POST", "/api/v1/actions/" + answered + "/respond",
				this.json.writeValueAsString(Map.of("value", INJECTION, "respondedBy", INJECTION)),
				Map.of("X-API-Key", KEY, "Content-Type", "application/json", "Idempotency-Key", INJECTION));
		assertThat(respond.status()).as(respond.text()).isEqualTo(200);
		Reply cancel = call("POST", "/api/v1/actions/" + cancelled + "/cancel",
				this.json.writeValueAsString(Map.of("reason", INJECTION, "userId", "x' OR '1'='1")));
		assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);

		JsonNode read = call("GET", "/api/v1/actions/" + answered, null).json();
		assertThat(read.get("context").get("question").asText()).isEqualTo(INJECTION);
		assertThat(read.get("response").get("value").asText()).isEqualTo(INJECTION);
		assertThat(read.get("response").get("respondedBy").asText()).isEqualTo(INJECTION);
		assertThat(this.jdbc.queryForObject(
				"SELECT data ->> 'reason' FROM action_audit WHERE action_id = ? AND event = 'cancelled'", String.class,
				cancelled))
			.isEqualTo(INJECTION);
		assertThat(auditUser(cancelled, "cancelled")).isEqualTo("x' OR '1'='1");
		assertThat(this.jdbc.queryForObject(
				"SELECT idem_key FROM action_idempotency_key WHERE action_id = ?", String.class, answered))
			.isEqualTo(INJECTION);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_request", Long.class)).isEqualTo(rows);
		assertThat(this.runtime.getVariable(
				this.actions.lookup(answered).orElseThrow().getProcessInstanceId(), "hilResponse"))
			.isEqualTo(INJECTION);
	}

	@Test
	void htmlInQuestionsAndAnswersComesBackAsJsonData() throws Exception {
		String script = "<script>alert('q')</script><img src=x onerror=\"alert(1)\">&amp;";
		UUID id = startFreeText(script);
		String answer = "</script><script>alert('a')</script>";

		Reply respond = call("POST", "/api/v1/actions/" + id + "/respond",
				this.json.writeValueAsString(Map.of("value", answer, "respondedBy", "<b>ann</b>")));
		assertThat(respond.status()).isEqualTo(200);
		Reply read = call("GET", "/api/v1/actions/" + id, null);

		assertThat(read.contentType()).isEqualTo("application/json");
		assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(read.json().get("context").get("question").asText()).isEqualTo(script);
		assertThat(read.json().get("response").get("value").asText()).isEqualTo(answer);
		assertThat(read.json().get("response").get("respondedBy").asText()).isEqualTo("<b>ann</b>");
		assertThat(read.text()).as("a JSON string, quotes escaped").contains("\\\"alert(1)\\\"");
		Reply list = call("GET", "/api/v1/actions?flowId=" + this.freeText, null);
		assertThat(list.contentType()).isEqualTo("application/json");
		assertThat(list.json().findValuesAsText("question")).contains(script);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void keysAnswersAndReasonsStayOutOfTheLog(CapturedOutput output) throws Exception {
		UUID answered = startFreeText("Anything?");
		UUID cancelled = startFreeText("Anything?");

		send("GET", "/api/v1/actions", null, Map.of("X-API-Key", "guessed-secret-key"));
		assertThat(call("POST", "/api/v1/actions/" + answered + "/respond",
				"{\"value\": \"answer-text-7f3a\", \"respondedBy\": \"ann\"}").status()).isEqualTo(200);
		assertThat(call("POST", "/api/v1/actions/" + cancelled + "/cancel", "{\"reason\": \"reason-text-9c1e\"}")
			.status()).isEqualTo(200);

		assertThat(output.getAll()).contains(answered.toString())
			.contains(cancelled.toString())
			.doesNotContain(KEY)
			.doesNotContain("guessed-secret-key")
			.doesNotContain("answer-text-7f3a")
			.doesNotContain("reason-text-9c1e");
	}

	@Test
	void camundaRestApiNeedsACamundaUser() throws Exception {
		String definitions = "/engine-rest/process-definition?key=" + this.approval;
		String user = camundaUser();

		Reply none = send("GET", definitions, null, Map.of());
		assertThat(none.status()).isEqualTo(401);
		assertThat(send("GET", definitions, null, Map.of("Authorization", basic("nobody", "demo"))).status())
			.isEqualTo(401);
		assertThat(send("GET", definitions, null, Map.of("Authorization", basic(user, "wrong"))).status())
			.isEqualTo(401);
		assertThat(send("GET", definitions, null, Map.of("X-API-Key", KEY)).status())
			.as("an API key is no Camunda user")
			.isEqualTo(401);
		assertThat(send("POST", "/engine-rest/process-definition/key/" + this.approval + "/start", "{}",
				Map.of("Content-Type", "application/json")).status())
			.isEqualTo(401);
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey(this.approval).count()).isZero();

		Reply demo = send("GET", definitions, null, Map.of("Authorization", basic("demo", "demo")));
		assertThat(demo.status()).isEqualTo(200);
		assertThat(demo.json().findValuesAsText("key")).containsExactly(this.approval);
	}

	@Test
	void camundaWebappsShowTheirLoginAndTakeTheirUsers() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.cookieHandler(cookies)
			.build();
		HttpResponse<String> cockpit = browser.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/")).build(),
				BodyHandlers.ofString());
		assertThat(cockpit.statusCode()).isEqualTo(200);
		assertThat(cockpit.uri().getPath()).startsWith("/camunda/app/cockpit/");
		assertThat(cockpit.body()).containsIgnoringCase("<html").containsIgnoringCase("cockpit");

		String engineData = "/camunda/api/engine/engine/default/process-definition?key=" + this.approval;
		assertThat(browser.send(HttpRequest.newBuilder(uri(engineData)).build(), BodyHandlers.ofString()).statusCode())
			.isIn(401, 403);

		String xsrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + cookies.getCookieStore().getCookies() + " " + cockpit.headers().map()));
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/cockpit"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(BodyPublishers.ofString("username=demo&password=demo"))
			.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
		HttpResponse<String> afterLogin = browser.send(HttpRequest.newBuilder(uri(engineData)).build(),
				BodyHandlers.ofString());
		assertThat(afterLogin.statusCode()).isEqualTo(200);
		assertThat(afterLogin.body()).contains(this.approval);
	}

	/** A Camunda user of this test alone, so that its failed logins lock nobody else. */
	private String camundaUser() {
		String id = "sec" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.newUser(id);
		user.setPassword("right-password");
		this.identity.saveUser(user);
		return id;
	}

	@Test
	void healthAndApiDocsAreOpenAndEverythingElseIsClosed() throws Exception {
		assertThat(send("GET", "/actuator/health", null, Map.of()).status()).isEqualTo(200);
		assertThat(send("GET", "/actuator/env", null, Map.of()).status()).isIn(401, 404);
		assertThat(send("GET", "/actuator/beans", null, Map.of()).status()).isIn(401, 404);
		assertThat(send("GET", "/actuator/prometheus", null, Map.of()).status()).as("metrics need a key").isEqualTo(401);
		assertThat(send("GET", "/actuator/env", null, Map.of("X-API-Key", KEY)).status()).as("not exposed")
			.isEqualTo(404);
		assertThat(send("GET", "/something-else", null, Map.of()).status()).isEqualTo(403);

		Reply swaggerUi = send("GET", "/swagger-ui.html", null, Map.of());
		assertThat(swaggerUi.status()).isEqualTo(302);
		assertThat(swaggerUi.header("Location")).endsWith("/swagger-ui/index.html");
		assertThat(send("GET", "/swagger-ui/index.html", null, Map.of()).status()).isEqualTo(200);
		Reply docs = send("GET", "/v3/api-docs", null, Map.of());
		assertThat(docs.status()).isEqualTo(200);
		JsonNode scheme = docs.json().get("components").get("securitySchemes").get("apiKey");
		assertThat(scheme.get("in").asText()).isEqualTo("header");
		assertThat(scheme.get("name").asText()).isEqualTo("X-API-Key");
		assertThat(docs.json().get("paths").get("/api/v1/actions/{id}/respond").get("post").get("security").toString())
			.contains("apiKey");
	}

	@Test
	void publicPagesNeedNoKeyAndIgnoreOne() throws Exception {
		// the chain lets the request through, and never asks for the API key: the chat page and the response page
		// check their own signed tokens and refuse a missing one with their 403 page; elsewhere, a plain 404
		assertThat(send("GET", "/chat/some-session", null, Map.of()).status()).isEqualTo(403);
		assertThat(send("GET", "/chat/some-session", null, Map.of("X-API-Key", "wrong-key")).status()).isEqualTo(403);
		assertThat(send("GET", "/respond/some-token", null, Map.of("X-API-Key", "wrong-key")).status()).isEqualTo(403);
		assertThat(send("GET", "/hil/app.css", null, Map.of()).status()).isEqualTo(404);
	}

	private List<Call> endpoints(UUID id) {
		List<Call> calls = new ArrayList<>();
		calls.add(new Call("GET", "/api/v1/actions", null));
		calls.add(new Call("GET", "/api/v1/actions?flowId=" + this.approval, null));
		calls.add(new Call("GET", "/api/v1/actions/" + id, null));
		calls.add(new Call("GET", "/api/v1/actions/" + id + "/audit", null));
		calls.add(new Call("POST", "/api/v1/actions/" + id + "/respond", "{\"value\": \"Approve\"}"));
		calls.add(new Call("POST", "/api/v1/actions/" + id + "/cancel", "{\"reason\": \"x\"}"));
		calls.add(new Call("DELETE", "/api/v1/actions/" + id, null));
		calls.add(new Call("GET", "/api/v1/nothing-here", null));
		String session = this.jdbc.queryForObject("SELECT session_id FROM action_request WHERE id = ?", String.class, id);
		calls.add(new Call("GET", "/api/v1/chat/" + session + "/messages", null));
		calls.add(new Call("POST", "/api/v1/chat/" + session + "/messages", "{\"text\": \"Approve\"}"));
		calls.add(new Call("GET", "/api/v1/chat/" + session + "/stream", null));
		calls.add(new Call("POST", "/api/v1/chat/" + session + "/link", null));
		String webhook = "/api/v1/webhooks/" + UUID.randomUUID();
		calls.add(new Call("GET", "/api/v1/webhooks", null));
		calls.add(new Call("POST", "/api/v1/webhooks", "{\"url\": \"https://example.com/hook\", \"events\": [\"*\"]}"));
		calls.add(new Call("GET", webhook, null));
		calls.add(new Call("PATCH", webhook, "{\"active\": false}"));
		calls.add(new Call("DELETE", webhook, null));
		calls.add(new Call("GET", webhook + "/deliveries", null));
		return calls;
	}

	private UUID startApproval() {
		String instance = this.runtime.startProcessInstanceByKey(this.approval, Map.of("orderId", 1)).getId();
		return actionOf(instance);
	}

	private UUID startFreeText(String question) {
		String instance = this.runtime.startProcessInstanceByKey(this.freeText, Map.of("question", question)).getId();
		return actionOf(instance);
	}

	private UUID actionOf(String processInstanceId) {
		return this.jdbc.queryForObject("SELECT id FROM action_request WHERE process_instance_id = ?", UUID.class,
				processInstanceId);
	}

	private List<String> auditEvents(UUID id) {
		return this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ? ORDER BY timestamp",
				String.class, id);
	}

	private String auditUser(UUID id, String event) {
		return this.jdbc.queryForObject("SELECT user_id FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, id, event);
	}

	private void assertProblem(Reply reply, int status, String detail) {
		assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.json().get("status").asInt()).isEqualTo(status);
		assertThat(reply.json().get("detail").asText()).contains(detail);
		assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private Reply call(String method, String path, String body) throws IOException, InterruptedException {
		return send(method, path, body,
				(body != null) ? Map.of("X-API-Key", KEY, "Content-Type", "application/json") : Map.of("X-API-Key", KEY));
	}

	private Reply chunked(String path, String body, String key) throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		BodyPublisher unknownLength = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
		return exchange(HttpRequest.newBuilder(uri(path))
			.header("X-API-Key", key)
			.header("Content-Type", "application/json")
			.method("POST", unknownLength));
	}

	private Reply send(String method, String path, String body, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		headers.forEach(request::header);
		return exchange(request);
	}

	private Reply exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
		return new Reply(response);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path.replace(" ", "%20").replace("'", "%27"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	record Call(String method, String path, String body) {
	}

	final class Reply {

		private final HttpResponse<String> response;

		Reply(HttpResponse<String> response) {
			this.response = response;
		}

		int status() {
			return this.response.statusCode();
		}

		String text() {
			return this.response.body();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String contentType() {
			String type = header("Content-Type");
			return (type != null) ? type.replaceAll(";.*", "").strip() : null;
		}

		JsonNode json() {
			try {
				return SecurityTest.this.json.readTree(text());
			}
			catch (IOException ex) {
				throw new AssertionError("Not JSON: " + text(), ex);
			}
		}

	}

}
