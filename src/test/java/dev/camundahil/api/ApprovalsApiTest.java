package dev.camundahil.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.HilApi;
import dev.camundahil.support.HilApi.Reply;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.support.HilApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several approvers voting over real HTTP on PostgreSQL: a reject under {@code all}, a quorum reached and one that
 * cannot be, one vote per person, votes from others refused, and many approvers voting at once ending in exactly one
 * decision with each person counted once.
 */
@PostgresTest
class ApprovalsApiTest {

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

	final ObjectMapper json = new ObjectMapper();

	HilApi api;

	@BeforeEach
	void setUp() {
		this.api = new HilApi(this.port);
	}

	@Test
	void underAllOneRejectDecidesAtOnce() throws Exception {
		ProcessInstance instance = start("all", "ann, bob, carol");
		UUID id = actionOf(instance).getId();

		Reply first = vote(id, "approve", "ann");
		assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
		assertThat(first.body().get("status").asText()).isEqualTo("pending");
		assertThat(first.body().get("votes").get(0).get("by").asText()).isEqualTo("ann");
		assertThat(first.body().get("votes").get(0).get("value").asText()).isEqualTo("Approve");
		assertThat(first.body().get("votes").get(0).get("channel").asText()).isEqualTo("api");
		assertThat(first.body().get("votes").get(0).get("at").isTextual()).isTrue();
		assertThat(first.body().get("tally").get("voted").asInt()).isEqualTo(1);
		assertThat(first.body().get("tally").get("approvers").asInt()).isEqualTo(3);
		assertThat(first.body().get("tally").get("counts").get("Approve").asInt()).isEqualTo(1);
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
		assertThat(this.runtime.getVariables(instance.getId())).doesNotContainKeys("hilVotes", "hilResponse");

		Reply reject = vote(id, "Reject", "BOB");

		assertThat(reject.body().get("status").asText()).isEqualTo("completed");
		assertThat(reject.body().get("response").get("value").asText()).isEqualTo("Reject");
		assertThat(reject.body().get("response").get("respondedBy").asText()).isEqualTo("bob");
		assertThat(reject.body().get("response").get("decided").asBoolean()).isTrue();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("hilResponse", "Reject")
			.containsEntry("hilRespondedBy", "bob")
			.containsEntry("hilDecided", true)
			.containsEntry("hilStatus", "completed");
		JsonNode votes = this.json.valueToTree(variables.get("hilVotes"));
		assertThat(votes.findValuesAsText("by")).containsExactly("ann", "bob");
		assertThat(votes.findValuesAsText("value")).containsExactly("Approve", "Reject");
		assertProblem(vote(id, "Approve", "carol"), 409, "already completed");
		assertThat(auditEvents(id)).containsSubsequence("created", "voted", "voted", "completed");
		assertThat(auditEvents(id)).filteredOn("voted"::equals).hasSize(2);
	}

	@Test
	void underAllEveryoneApprovingDecidesWithTheLastVoter() {
		ProcessInstance instance = start("all", "ann, bob");
		UUID id = actionOf(instance).getId();
		vote(id, "Approve", "ann");
		Reply last = vote(id, "Approve", "bob");
		assertThat(last.body().get("status").asText()).isEqualTo("completed");
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "bob")
			.containsEntry("hilDecided", true);
	}

	@Test
	void aQuorumIsReachedByTheFirstOptionNApproversChose() {
		ProcessInstance instance = start("quorum:2", "ann, bob, carol");
		UUID id = actionOf(instance).getId();

		vote(id, "Approve", "ann");
		Reply second = vote(id, "Reject", "bob");
		assertThat(second.body().get("status").asText()).isEqualTo("pending");
		assertThat(second.body().get("tally").get("counts").toString()).isEqualTo("{\"Approve\":1,\"Reject\":1}");
		Reply third = vote(id, "Approve", "carol");

		assertThat(third.body().get("status").asText()).isEqualTo("completed");
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "carol")
			.containsEntry("hilDecided", true);
	}

	@Test
	void aQuorumThatCannotBeReachedCompletesUndecided() {
		ProcessInstance instance = start("quorum:3", "ann, bob, carol");
		UUID id = actionOf(instance).getId();

		vote(id, "Approve", "ann");
		Reply split = vote(id, "Reject", "bob");

		assertThat(split.body().get("status").asText()).isEqualTo("completed");
		assertThat(split.body().get("response").get("value").isNull()).isTrue();
		assertThat(split.body().get("response").get("decided").asBoolean()).isFalse();
		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("hilDecided", false).containsEntry("hilRespondedBy", "bob");
		assertThat(variables.get("hilResponse")).isNull();
		assertProblem(vote(id, "Approve", "carol"), 409, "already completed");
	}

	@Test
	void eachPersonVotesOnceAndOnlyApproversVote() {
		UUID id = actionOf(start("all", "ann, bob, carol")).getId();
		vote(id, "Approve", "ann");

		assertProblem(vote(id, "Reject", "Ann"), 409, "ann already voted");
		assertProblem(vote(id, "Reject", "mallory"), 403, "'mallory' is not an approver");
		assertProblem(this.api.post("/api/v1/actions/" + id + "/respond", "{\"value\": \"Reject\"}"), 403,
				"name the approver who votes in 'respondedBy'");
		assertProblem(vote(id, "Maybe", "bob"), 400, "not one of the expected responses");

		ActionRequest action = this.actions.find(id);
		assertThat(action.getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(action.getVotes()).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_vote WHERE action_id = ?", Integer.class, id))
			.isOne();
		assertThat(this.api.get("/api/v1/actions/" + id).body().get("votes")).hasSize(1);
	}

	@Test
	void twentyApproversVotingAtOnceEndInExactlyOneDecisionEachCountedOnce() throws Exception {
		List<String> approvers = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			approvers.add("approver" + i);
		}
		ProcessInstance everyone = start("all", String.join(",", approvers));
		ProcessInstance threeOf = start("quorum:3", String.join(",", approvers));
		UUID all = actionOf(everyone).getId();
		UUID quorum = actionOf(threeOf).getId();

		List<Integer> allStatuses = voteAtOnce(all, approvers, "Approve");
		List<Integer> quorumStatuses = voteAtOnce(quorum, approvers, "Reject");

		assertThat(allStatuses).containsOnly(200);
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT voter) FROM action_vote WHERE action_id = ?",
				Integer.class, all)).isEqualTo(20);
		assertThat(this.actions.find(all).getResponse().value()).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(everyone.getId(), "hilDecided")).isEqualTo(true);
		assertThat(this.json.valueToTree(this.runtime.getVariable(everyone.getId(), "hilVotes")).size()).isEqualTo(20);
		assertThat(quorumStatuses).filteredOn((status) -> status == 200).hasSize(3);
		assertThat(quorumStatuses).filteredOn((status) -> status == 409).hasSize(17);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_vote WHERE action_id = ?", Integer.class,
				quorum)).isEqualTo(3);
		for (UUID id : List.of(all, quorum)) {
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? "
					+ "AND event = 'completed'", Integer.class, id)).isOne();
		}
		assertThat(this.runtime.getActiveActivityIds(threeOf.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(threeOf.getId(), "hilResponse")).isEqualTo("Reject");
	}

	@Test
	void anApprovalThatCannotBeFailsTheDeployment() {
		for (String[] bad : new String[][] { { "most", "ann, bob", "first, all or quorum:N" },
				{ "quorum:3", "ann, bob", "at least 3 approvers" }, { "all", "", "needs approvers" } }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> HilProcesses.deploy(this.repository,
					HilProcesses.waitingAfter(task(bad[0], bad[1]))))
				.isInstanceOf(org.camunda.bpm.engine.ParseException.class)
				.hasMessageContaining(bad[2]);
		}
	}

	private List<Integer> voteAtOnce(UUID id, List<String> approvers, String value) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(approvers.size());
		try {
			CyclicBarrier start = new CyclicBarrier(approvers.size());
			List<Future<Integer>> replies = new ArrayList<>();
			for (String approver : approvers) {
				Callable<Integer> voting = () -> {
					start.await(30, TimeUnit.SECONDS);
					return vote(id, value, approver).status();
				};
				replies.add(pool.submit(voting));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> reply : replies) {
				statuses.add(reply.get(120, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder task(String approval, String approvers) {
		return HilProcesses.hilTask(HilProcesses.key("approvals"), "Approve order?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject")
			.camundaInputParameter("approval", approval)
			.camundaInputParameter("approvers", approvers);
	}

	private ProcessInstance start(String approval, String approvers) {
		String key = HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(task(approval, approvers)));
		return this.runtime.startProcessInstanceByKey(key);
	}

	private ActionRequest actionOf(ProcessInstance instance) {
		return this.actions.findByProcessInstanceId(instance.getId()).get(0);
	}

	private List<String> auditEvents(UUID id) {
		return this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ? ORDER BY timestamp",
				String.class, id);
	}

	private Reply vote(UUID id, String value, String by) {
		return this.api.post("/api/v1/actions/" + id + "/respond",
				"{\"value\": \"" + value + "\", \"respondedBy\": \"" + by + "\"}");
	}

}
