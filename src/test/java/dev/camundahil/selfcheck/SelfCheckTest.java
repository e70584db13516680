package dev.camundahil.selfcheck;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.NewAction;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.links.SignedTokens;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The self-checks in the standalone app: links fetched over real HTTP from the address they point to, and waits
 * that lost their other half on a real engine.
 */
@H2Test
@ExtendWith(OutputCaptureExtension.class)
class SelfCheckTest {

	static final int PORT = freePort();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("hil.links.base-url", () -> "http://127.0.0.1:" + PORT + "/");
		registry.add("hil.links.secret", () -> "self-check-test-secret");
		registry.add("hil.self-checks.waits.grace", () -> "0s");
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	@Autowired
	LinkReachCheck links;

	@Autowired
	LostWaits waits;

	@Autowired
	SignedTokens tokens;

	@Autowired
	ActionService actions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	@Test
	void linksThatReachThisApplicationAreHealthy() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.links.last() != null);
		assertThat(this.links.check().reaches()).isTrue();

		JsonNode health = this.json.readTree(get("/actuator/health/hilLinks").body());
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.get("details").get("url").asText()).isEqualTo("http://127.0.0.1:" + PORT + "/hil/ping");
	}

	@Test
	void anotherApplicationAtTheAddressIsWarnedAboutOnce(CapturedOutput output) throws Exception {
		HttpServer impostor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		impostor.createContext("/", (exchange) -> {
			byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		impostor.start();
		try {
			LinkReachCheck check = new LinkReachCheck("http://127.0.0.1:" + impostor.getAddress().getPort(),
					this.tokens, Duration.ofHours(1), Duration.ofSeconds(5));

			LinkReachCheck.Result first = check.check();
			LinkReachCheck.Result second = check.check();

			assertThat(first.reaches()).isFalse();
			assertThat(LinksHealthConfiguration.WARNING.getCode()).isEqualTo("WARNING");
			assertThat(first.problem()).contains("does not come from this application's cluster");
			assertThat(second.reaches()).isFalse();
			assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")
					&& line.contains("Set hil.links.base-url to the address people reach this application at")))
				.as("one WARN, however often the check finds the same")
				.hasSize(1);
		}
		finally {
			impostor.stop(0);
		}
		LinkReachCheck closed = new LinkReachCheck("http://127.0.0.1:" + freePort(), this.tokens, Duration.ofHours(1),
				Duration.ofSeconds(5));
		assertThat(closed.check().problem()).contains("cannot be reached");
	}

	@Test
	void thePingWantsANonce() throws Exception {
		assertThat(get("/hil/ping").statusCode()).isEqualTo(400);
		assertThat(get("/hil/ping?nonce=short").statusCode()).isEqualTo(400);
		HttpResponse<String> pong = get("/hil/ping?nonce=abcdefghijklmnopqrstuvwxyz");
		assertThat(pong.statusCode()).isEqualTo(200);
		assertThat(this.tokens.verify(pong.body(), "hil-ping", "abcdefghijklmnopqrstuvwxyz"))
			.isEqualTo(SignedTokens.Verdict.VALID);
	}

	@Test
	void aPendingActionWhoseExecutionIsGoneIsCancelledAsOrphaned() {
		ActionRequest orphan = this.actions.create(new NewAction("gone", "s-" + UUID.randomUUID(), "ask",
				List.of("custom"), "Still there?", Map.of(), Map.of(), "no-such-instance", "no-such-execution", null));
		String flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("waits")));
		ProcessInstance waiting = this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 1));
		ActionRequest alive = this.actions.findByProcessInstanceId(waiting.getId()).get(0);

		LostWaits.Report report = this.waits.check();

		assertThat(report.orphansCancelled()).isGreaterThanOrEqualTo(1);
		assertThat(this.actions.find(orphan.getId()).getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.actions.auditTrail(orphan.getId()).stream().map(ActionAudit::getEvent))
			.containsSubsequence("created", "orphaned", "cancelled");
		assertThat(this.actions.find(alive.getId()).getStatus()).as("its execution waits").isEqualTo(ActionStatus.PENDING);
		assertThat(incidentsOf(waiting)).isEmpty();
	}

	@Test
	void aHilExecutionWaitingWithNoPendingActionGetsOneIncident() {
		String flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("lost")));
		ProcessInstance waiting = this.runtime.startProcessInstanceByKey(flow, Map.of("orderId", 2));
		UUID id = this.actions.findByProcessInstanceId(waiting.getId()).get(0).getId();
		// the action is lost to the instance, as after a restore of one database without the other
		this.jdbc.update("UPDATE action_request SET status = 'expired', version = version + 1 WHERE id = ?", id);

		this.waits.check();
		this.waits.check();

		List<Incident> incidents = incidentsOf(waiting);
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).getIncidentType()).isEqualTo(LostWaits.INCIDENT_TYPE);
		assertThat(incidents.get(0).getActivityId()).isEqualTo("ask");
		assertThat(incidents.get(0).getIncidentMessage()).contains("no pending action");
		assertThat(this.waits.last().incidentsOpen()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aTaskTheEngineHandedToAnotherExecutionKeepsItsActionAndGetsNoIncident() {
		// a parallel path beside the task ends: the execution the action names is gone
		ProcessInstance compacted = this.runtime.startProcessInstanceByKey(
				HilProcesses.deploy(this.repository, HilProcesses.besideAShortPath(HilProcesses.key("compacted"))));
		this.actions.respond(actionAt(compacted, "askShort").getId(), ResponseCommand.of("done", "ann"));
		ActionRequest handedUp = actionAt(compacted, "ask");
		// a token starts beside the task: the execution the action names waits no more
		ProcessInstance expanded = this.runtime.startProcessInstanceByKey(
				HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("expanded"))),
				Map.of("orderId", 3));
		this.runtime.createProcessInstanceModification(expanded.getId()).startBeforeActivity("after").execute();
		ActionRequest handedDown = actionAt(expanded, "ask");

		this.waits.check();

		assertThat(this.actions.find(handedUp.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.find(handedUp.getId()).getExecutionId()).isEqualTo(compacted.getId());
		assertThat(this.actions.find(handedDown.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.find(handedDown.getId()).getExecutionId()).isEqualTo(this.runtime
			.createExecutionQuery()
			.processInstanceId(expanded.getId())
			.activityId("ask")
			.singleResult()
			.getId());
		assertThat(incidentsOf(compacted)).isEmpty();
		assertThat(incidentsOf(expanded)).isEmpty();
	}

	private ActionRequest actionAt(ProcessInstance instance, String nodeId) {
		return this.actions.findByProcessInstanceId(instance.getId())
			.stream()
			.filter((action) -> action.getNodeId().equals(nodeId))
			.findFirst()
			.orElseThrow();
	}

	private List<Incident> incidentsOf(ProcessInstance instance) {
		return this.runtime.createIncidentQuery().processInstanceId(instance.getId()).list();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).GET().build(),
				BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
