package dev.camundahil.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.HilApi;
import dev.camundahil.support.HilApi.Reply;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.support.HilApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving the deadline of an action over real HTTP: by a new deadline or by a duration, audited, and every request
 * that cannot be done a problem that changes nothing.
 */
@PostgresTest
class ActionExtensionTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	HilApi api;

	String key;

	@BeforeEach
	void setUp() {
		this.api = new HilApi(this.port);
		this.key = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("extend"), "Approve order?", "chat")
					.camundaInputParameter("expectedResponse", "Approve, Reject")
					.camundaInputParameter("timeout", "PT1H")));
	}

	@Test
	void aNewDeadlineReplacesTheOldOneAndIsAudited() {
		ActionRequest action = start();
		Instant later = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);

		Reply reply = post(action.getId(), "{\"expiresAt\": \"" + later + "\"}");

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().get("status").asText()).isEqualTo("pending");
		assertThat(Instant.parse(reply.body().get("expiresAt").asText())).isEqualTo(later);
		assertThat(this.actions.find(action.getId()).getExpiresAt()).isEqualTo(later);
		Map<String, Object> audit = this.jdbc.queryForMap("SELECT data->>'previousExpiresAt' AS before, "
				+ "data->>'expiresAt' AS after, user_id FROM action_audit WHERE action_id = ? AND event = 'extended'",
				action.getId());
		assertThat(Instant.parse((String) audit.get("before"))).isEqualTo(action.getExpiresAt());
		assertThat(Instant.parse((String) audit.get("after"))).isEqualTo(later);
		assertThat(audit).containsEntry("user_id", "tests");
		assertThat(this.jdbc.queryForObject("SELECT expires_at FROM action_request WHERE id = ?",
				java.time.OffsetDateTime.class, action.getId()).toInstant()).isEqualTo(later);
		this.actions.respond(action.getId(), ResponseCommand.of("Approve", "ann"));
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.COMPLETED);
	}

	@Test
	void aDurationIsAddedToTheCurrentDeadline() {
		ActionRequest action = start();

		Reply reply = post(action.getId(), "{\"by\": \"P2D\"}");
		Reply again = post(action.getId(), "{\"by\": \"PT4H\"}");

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(Instant.parse(again.body().get("expiresAt").asText()))
			.isEqualTo(action.getExpiresAt().plus(Duration.ofDays(2)).plus(Duration.ofHours(4)));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? AND event = 'extended'",
				Integer.class, action.getId())).isEqualTo(2);
	}

	@Test
	void anExtensionThatCannotBeDoneIsAProblemAndChangesNothing() {
		ActionRequest action = start();
		ActionRequest closed = start();
		this.actions.respond(closed.getId(), ResponseCommand.of("Approve", "ann"));
		String past = Instant.now().minus(Duration.ofMinutes(1)).toString();

		assertProblem(post(action.getId(), "{\"expiresAt\": \"" + past + "\"}"), 400, "not later than now");
		assertProblem(post(action.getId(), "{\"by\": \"-PT5H\"}"), 400, "longer than zero");
		assertProblem(post(action.getId(), "{\"by\": \"PT0S\"}"), 400, "longer than zero");
		assertProblem(post(action.getId(), "{\"by\": \"two days\"}"), 400, "ISO-8601 duration");
		assertProblem(post(action.getId(), "{\"expiresAt\": \"tomorrow\"}"), 400, "ISO-8601 date and time");
		assertProblem(post(action.getId(), "{\"expiresAt\": \"2099-01-01T00:00:00Z\", \"by\": \"P1D\"}"), 400,
				"exactly one of");
		assertProblem(post(action.getId(), "{}"), 400, "exactly one of");
		assertProblem(post(action.getId(), "{\"until\": \"2099-01-01T00:00:00Z\"}"), 400, "until");
		assertProblem(post(closed.getId(), "{\"by\": \"P1D\"}"), 409, "already completed");
		assertProblem(post(UUID.randomUUID(), "{\"by\": \"P1D\"}"), 404, "No action with id");

		ActionRequest after = this.actions.find(action.getId());
		assertThat(after.getExpiresAt()).isEqualTo(action.getExpiresAt());
		assertThat(after.getVersion()).isEqualTo(action.getVersion());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE event = 'extended' "
				+ "AND action_id IN (?, ?)", Integer.class, action.getId(), closed.getId())).isZero();
	}

	@Test
	void aDeadlinePastTheLatestIsAProblemAndChangesNothingTheLatestItselfIsTaken() {
		ActionRequest action = start();

		assertProblem(post(action.getId(), "{\"by\": \"P999999999999D\"}"), 400, "past 9999-12-31T23:59:59Z");
		assertProblem(post(action.getId(), "{\"by\": \"PT9223372036854775807S\"}"), 400, "past 9999-12-31T23:59:59Z");
		assertProblem(post(action.getId(), "{\"expiresAt\": \"+10000-01-01T00:00:00Z\"}"), 400,
				"later than 9999-12-31T23:59:59Z");
		assertProblem(post(action.getId(), "{\"expiresAt\": \"+999999999-12-31T23:59:59Z\"}"), 400,
				"later than 9999-12-31T23:59:59Z");
		ActionRequest unchanged = this.actions.find(action.getId());
		assertThat(unchanged.getExpiresAt()).isEqualTo(action.getExpiresAt());
		assertThat(unchanged.getVersion()).isEqualTo(action.getVersion());

		Reply latest = post(action.getId(), "{\"expiresAt\": \"9999-12-31T23:59:59Z\"}");

		assertThat(latest.status()).as(latest.body().toString()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getExpiresAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
	}

	@Test
	void theOpenApiDescriptionShowsTheEndpoint() {
		Reply docs = this.api.get("/v3/api-docs");
		assertThat(docs.body().get("paths").get("/api/v1/actions/{id}/extend").get("post").get("description").asText())
			.contains("action.extended");
		assertThat(docs.body().get("components").get("schemas").get("ExtendRequest").get("properties").has("by"))
			.isTrue();
	}

	private ActionRequest start() {
		String instance = this.runtime.startProcessInstanceByKey(this.key).getId();
		List<ActionRequest> found = this.actions.findByProcessInstanceId(instance);
		return found.get(0);
	}

	private Reply post(UUID id, String body) {
		return this.api.post("/api/v1/actions/" + id + "/extend", body);
	}

}
