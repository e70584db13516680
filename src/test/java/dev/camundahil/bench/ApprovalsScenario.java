package dev.camundahil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.StoredActions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * Scenario: HIL tasks with 5 approvers under {@code approval: all}, every approver voting over HTTP at concurrency
 * 16, against as many tasks with a single answer over the same endpoint. Votes of one action are sent next to each
 * other, so several of them race for the same action as they would when approvers answer at once. The ratios are
 * what a vote costs over a single answer, and what a decision (5 votes) costs over it.
 */
final class ApprovalsScenario {

	static final int APPROVERS = 5;

	private static final int CONCURRENCY = 16;

	private static final String VOTES_KEY = "bench_approvals";

	private static final String SINGLE_KEY = "bench_approvals_single";

	private ApprovalsScenario() {
	}

	static List<ScenarioResult> run(ConfigurableApplicationContext app, String baseUrl, String apiKey)
			throws Exception {
		int decisions = Integer.getInteger("bench.approvals", 600);
		// decided first and not measured, so that the JIT compiler has compiled the voting path before the timed votes
		int warmUp = Integer.getInteger("bench.approvalsWarmUp", 200);
		RuntimeService runtime = app.getBean(RuntimeService.class);
		app.getBean(RepositoryService.class)
			.createDeployment()
			.addModelInstance(VOTES_KEY + ".bpmn", process(VOTES_KEY, true))
			.addModelInstance(SINGLE_KEY + ".bpmn", process(SINGLE_KEY, false))
			.deploy();
		Load.run(warmUp + decisions, 8, (i) -> runtime.startProcessInstanceByKey(VOTES_KEY, "approvals-" + i));
		Load.run(warmUp + decisions, 8, (i) -> runtime.startProcessInstanceByKey(SINGLE_KEY, "single-" + i));
		List<UUID> votedOn = pending(app, VOTES_KEY, warmUp + decisions);
		List<UUID> answered = pending(app, SINGLE_KEY, warmUp + decisions);
		Measurement votes;
		Measurement single;
		try (ApiClient api = new ApiClient(baseUrl, apiKey, CONCURRENCY)) {
			Load.run(warmUp * APPROVERS, CONCURRENCY, (i) -> vote(api, votedOn, i));
			Load.run(warmUp, CONCURRENCY, (i) -> answer(api, answered, i));
			single = Load.run(decisions, CONCURRENCY, (i) -> answer(api, answered, warmUp + i));
			votes = Load.run(decisions * APPROVERS, CONCURRENCY, (i) -> vote(api, votedOn, warmUp * APPROVERS + i));
		}
		int left = StoredActions.in(app).findPendingByFlowId(VOTES_KEY, PageRequest.of(0, 1)).size();
		if (left != 0) {
			throw new IllegalStateException("actions still pending after every approver voted");
		}
		double perVote = single.opsPerSecond() / votes.opsPerSecond();
		String after = "concurrency " + CONCURRENCY + ", after " + warmUp + " as a warm-up";
		return List.of(
				ScenarioResult.of("approvals_single_answer", single, true, null,
						"one answer decides (approval: first), " + after),
				ScenarioResult.of("approvals_vote", votes, true, perVote,
						APPROVERS + " approvers under approval: all; ratio: a vote's cost over a single answer; "
								+ after),
				ScenarioResult.throughput("approvals", decisions, votes.seconds(), perVote * APPROVERS,
						"decisions of " + APPROVERS + " votes each; ratio: a decision's cost over a single answer"));
	}

	/** Vote {@code i}: the actions in turn, each voted on by its approvers one after the other. */
	private static void vote(ApiClient api, List<UUID> actions, int i) throws Exception {
		api.post("/api/v1/actions/" + actions.get(i / APPROVERS) + "/respond",
				"{\"value\":\"Approve\",\"respondedBy\":\"approver" + (i % APPROVERS) + "\"}");
	}

	private static void answer(ApiClient api, List<UUID> actions, int i) throws Exception {
		api.post("/api/v1/actions/" + actions.get(i) + "/respond", "{\"value\":\"Approve\",\"respondedBy\":\"bench\"}");
	}

	private static List<UUID> pending(ConfigurableApplicationContext app, String flowId, int count) {
		List<UUID> ids = new ArrayList<>();
		for (ActionRequest action : StoredActions.in(app).findPendingByFlowId(flowId, PageRequest.of(0, count))) {
			ids.add(action.getId());
		}
		if (ids.size() != count) {
			throw new IllegalStateException(ids.size() + " pending actions of " + flowId + ", expected " + count);
		}
		return ids;
	}

	private static BpmnModelInstance process(String key, boolean approvers) {
		var task = Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("approve")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Approve?")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject");
		if (approvers) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < APPROVERS; i++) {
				names.add("approver" + i);
			}
			task = task.camundaInputParameter("approval", "all")
				.camundaInputParameter("approvers", String.join(", ", names));
		}
		return task.endEvent().done();
	}

}
