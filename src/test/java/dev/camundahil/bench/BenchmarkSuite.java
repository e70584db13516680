package dev.camundahil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.StoredActions;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.app.HilApplication;
import dev.camundahil.support.PostgresTestDatabase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark: HIL tasks against plain Camunda on real PostgreSQL, scenario by scenario. Run with
 * {@code ./mvnw -Pbench verify}; sizes are system properties ({@code -Dbench.cycles=...}). Writes
 * {@code target/bench/results.json} and prints a markdown table. It measures; it asserts nothing about speed.
 */
@Tag("bench")
class BenchmarkSuite {

	static final String API_KEY = "bench-key";

	static ConfigurableApplicationContext app;

	static final GreenMail mail = new GreenMail(
			new ServerSetup[] { ServerSetup.SMTP.dynamicPort(), ServerSetup.IMAP.dynamicPort() });

	static String baseUrl;

	static final List<ScenarioResult> results = new ArrayList<>();

	@BeforeAll
	static void startApp() throws IOException {
		String url = PostgresTestDatabase.create("hil_bench");
		GreenMailClassLoader.start(mail);
		mail.setUser(EmailScenario.MAILBOX, EmailScenario.MAILBOX, "secret");
		// as command-line arguments, so that they win over the app's own hil-app.yml
		app = new SpringApplicationBuilder(HilApplication.class).properties(HilApplication.CONFIG_NAME)
			.run(Stream.of("spring.datasource.url=" + url,
					"spring.datasource.username=" + PostgresTestDatabase.user(),
					"spring.datasource.password=" + PostgresTestDatabase.password(),
					"spring.datasource.hikari.maximum-pool-size=24",
					"spring.quartz.properties.org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
					"server.port=0", "hil.security.api-keys=bench:" + API_KEY, "logging.level.root=WARN",
					"logging.level.dev.camundahil=WARN", "hil.app.processes-dir=target/no-processes",
					"hil.webhooks.allowed-hosts=127.0.0.1", "spring.mail.host=127.0.0.1",
					"spring.mail.port=" + mail.getSmtp().getPort(), "hil.mail.from=" + EmailScenario.MAILBOX,
					"hil.mail.reply-to=" + EmailScenario.MAILBOX, "hil.mail.inbound.host=127.0.0.1",
					"hil.mail.inbound.port=" + mail.getImap().getPort(),
					"hil.mail.inbound.username=" + EmailScenario.MAILBOX, "hil.mail.inbound.password=secret",
					"hil.mail.inbound.poll-interval=1h", "hil.mail.inbound.after-processing=move")
				.map((argument) -> "--" + argument)
				.toArray(String[]::new));
		baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void writeResults() throws Exception {
		if (app != null) {
			app.close();
		}
		mail.stop();
		Path dir = Path.of("target/bench");
		Files.createDirectories(dir);
		ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		Files.writeString(dir.resolve("results.json"),
				json.writeValueAsString(results.stream().map(ScenarioResult::json).toList()));
		StringBuilder table = new StringBuilder("\n| scenario | ops | seconds | ops/s | p50 ms | p99 ms | ratio | note |\n"
				+ "|---|---|---|---|---|---|---|---|\n");
		results.forEach((row) -> table.append(row.markdownRow()).append('\n'));
		table.append("\nMachine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append(", ")
			.append(System.getProperty("os.name"))
			.append('\n');
		System.out.println(table);
		Files.writeString(dir.resolve("results.md"), table.toString());
	}

	@Test
	void benchmark() throws Exception {
		if (selected("usertask_vs_hil")) {
			userTaskVersusHil();
		}
		if (selected("respond_http")) {
			settle();
			respondOverHttp();
		}
		if (selected("expiry")) {
			settle();
			results.addAll(ExpiryScenario.run(app));
		}
		if (selected("approvals")) {
			settle();
			results.addAll(ApprovalsScenario.run(app, baseUrl, API_KEY));
		}
		if (selected("webhook_delivery")) {
			settle();
			results.addAll(WebhookScenario.run(app, baseUrl, API_KEY));
		}
		if (selected("email")) {
			settle();
			results.addAll(EmailScenario.run(app, mail));
		}
		if (selected("queries")) {
			settle();
			queries();
		}
	}

	/**
	 * Vacuums the whole database between scenarios: what one scenario leaves behind (tens of thousands of ended
	 * instances) would otherwise be vacuumed by autovacuum in the middle of the next one's measurement.
	 */
	private static void settle() {
		app.getBean(JdbcTemplate.class).execute("VACUUM ANALYZE");
	}

	/** Whether a scenario runs: all by default, or those named in {@code -Dbench.scenarios=expiry,email}. */
	static boolean selected(String scenario) {
		String only = System.getProperty("bench.scenarios", "");
		return only.isBlank() || List.of(only.split(",")).contains(scenario);
	}

	/**
	 * Scenario 1: start, wait, answer, end — a native user task against a HIL task in each variables mode
	 * ({@code separate}, the default, and {@code lean}), in interleaved blocks.
	 */
	void userTaskVersusHil() throws Exception {
		int cycles = Integer.getInteger("bench.cycles", 4000);
		int blocks = Integer.getInteger("bench.blocks", 4);
		int concurrency = 8;
		RepositoryService repository = app.getBean(RepositoryService.class);
		RuntimeService runtime = app.getBean(RuntimeService.class);
		TaskService tasks = app.getBean(TaskService.class);
		ActionService actions = app.getBean(ActionService.class);
		repository.createDeployment()
			.addModelInstance("bench_native.bpmn",
					Bpmn.createExecutableProcess("bench_native").startEvent().userTask("wait").endEvent().done())
			.addModelInstance("bench_hil.bpmn", hilProcess("bench_hil", "separate"))
			.addModelInstance("bench_hil_lean.bpmn", hilProcess("bench_hil_lean", "lean"))
			.deploy();
		AtomicLong sequence = new AtomicLong();
		Load.Operation nativeCycle = (i) -> {
			String id = runtime.startProcessInstanceByKey("bench_native", "n-" + sequence.incrementAndGet()).getId();
			tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
		};
		Load.Operation hilCycle = hilCycle(runtime, actions, "bench_hil", sequence);
		Load.Operation leanCycle = hilCycle(runtime, actions, "bench_hil_lean", sequence);
		Load.run(300, concurrency, nativeCycle);
		Load.run(300, concurrency, hilCycle);
		Load.run(300, concurrency, leanCycle);
		Combined nativeTotal = new Combined();
		Combined hilTotal = new Combined();
		Combined leanTotal = new Combined();
		for (int block = 0; block < blocks; block++) {
			nativeTotal.add(Load.run(cycles / blocks, concurrency, nativeCycle));
			hilTotal.add(Load.run(cycles / blocks, concurrency, hilCycle));
			leanTotal.add(Load.run(cycles / blocks, concurrency, leanCycle));
		}
		// what one cycle writes, counted apart from the timed blocks
		int sample = Integer.getInteger("bench.writeSample", 500);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		TableWrites start = TableWrites.now(jdbc);
		Load.run(sample, concurrency, nativeCycle);
		TableWrites afterNative = TableWrites.now(jdbc);
		Load.run(sample, concurrency, hilCycle);
		TableWrites afterHil = TableWrites.now(jdbc);
		Load.run(sample, concurrency, leanCycle);
		TableWrites afterLean = TableWrites.now(jdbc);
		results.add(nativeTotal.result("usertask_native", null, afterNative.since(start, sample)));
		results.add(hilTotal.result("usertask_vs_hil", hilTotal.opsPerSecond() / nativeTotal.opsPerSecond(),
				afterHil.since(afterNative, sample)));
		results.add(leanTotal.result("usertask_vs_hil_lean", leanTotal.opsPerSecond() / nativeTotal.opsPerSecond(),
				afterLean.since(afterHil, sample)));
	}

	private static BpmnModelInstance hilProcess(String key, String variables) {
		return Bpmn.createExecutableProcess(key)
			.startEvent()
			.serviceTask("wait")
			.camundaDelegateExpression("${hilTask}")
			.camundaInputParameter("question", "Go?")
			.camundaInputParameter("outputTypes", "chat")
			.camundaInputParameter("variables", variables)
			.endEvent()
			.done();
	}

	private static Load.Operation hilCycle(RuntimeService runtime, ActionService actions, String processKey,
			AtomicLong sequence) {
		return (i) -> {
			String id = runtime.startProcessInstanceByKey(processKey, "h-" + sequence.incrementAndGet()).getId();
			ActionRequest action = actions.findPendingOf(id, id).orElseThrow();
			actions.respond(action.getId(), ResponseCommand.of("ok", "bench"));
		};
	}

	/**
	 * Scenario 2: answers over HTTP at concurrency 16, in interleaved blocks against the same number of native user
	 * tasks completed over Camunda's own REST API ({@code POST /engine-rest/task/{id}/complete}, HTTP Basic as the
	 * app's demo user): both answer a waiting instance over HTTP, with authentication, in the same app. Next to them
	 * ({@code respond_http_baseline}) native user tasks completed in process, which is what the engine alone takes.
	 */
	void respondOverHttp() throws Exception {
		int answers = Integer.getInteger("bench.answers", 3000);
		int blocks = Integer.getInteger("bench.blocks", 4);
		// answered first and not measured, so that the JIT compiler has compiled the web stack before the timed answers
		int warmUp = Integer.getInteger("bench.answersWarmUp", 1000);
		RuntimeService runtime = app.getBean(RuntimeService.class);
		StoredActions actionRequests = StoredActions.in(app);
		app.getBean(RepositoryService.class)
			.createDeployment()
			.addModelInstance("bench_http.bpmn",
					Bpmn.createExecutableProcess("bench_http")
						.startEvent()
						.serviceTask("wait")
						.camundaDelegateExpression("${hilTask}")
						.camundaInputParameter("question", "Go?")
						.camundaInputParameter("outputTypes", "chat")
						.endEvent()
						.done())
			.deploy();
		Load.run(warmUp + answers, 8, (i) -> runtime.startProcessInstanceByKey("bench_http", "http-" + i));
		List<UUID> actionIds = new ArrayList<>();
		for (ActionRequest action : actionRequests.findPendingByFlowId("bench_http",
				PageRequest.of(0, warmUp + answers))) {
			actionIds.add(action.getId());
		}
		List<String> taskIds = waitingUserTasks("bench_rest", warmUp + answers);
		String answer = "{\"value\":\"ok\",\"respondedBy\":\"bench\"}";
		Combined hil = new Combined();
		Combined rest = new Combined();
		try (ApiClient api = new ApiClient(baseUrl, API_KEY, 16);
				ApiClient camunda = ApiClient.camundaRest(baseUrl, "demo", "demo", 16)) {
			Load.Operation respond = (i) -> api.post("/api/v1/actions/" + actionIds.get(i) + "/respond", answer);
			Load.Operation complete = (i) -> camunda.postNoContent("/engine-rest/task/" + taskIds.get(i) + "/complete",
					"{}");
			Load.run(warmUp, 16, respond);
			Load.run(warmUp, 16, complete);
			int perBlock = answers / blocks;
			for (int block = 0; block < blocks; block++) {
				int offset = warmUp + block * perBlock;
				rest.add(Load.run(perBlock, 16, (i) -> complete.run(offset + i)));
				hil.add(Load.run(perBlock, 16, (i) -> respond.run(offset + i)));
			}
		}
		// no warm-up of its own: the completions over Camunda's REST API ran the same engine code just before
		List<String> inProcess = waitingUserTasks("bench_complete", answers);
		TaskService taskService = app.getBean(TaskService.class);
		Measurement engineAlone = Load.run(answers, 16, (i) -> taskService.complete(inProcess.get(i)));
		String after = "concurrency 16, " + blocks + " interleaved blocks after " + warmUp + " as a warm-up";
		results.add(ScenarioResult.of("respond_http_baseline", engineAlone, true, null,
				"TaskService.complete in process, concurrency 16, after the REST API's completions"));
		results.add(rest.noted("respond_http_rest_baseline", null,
				"native user tasks completed over Camunda's REST API (HTTP Basic), " + after));
		results.add(hil.noted("respond_http", hil.opsPerSecond() / rest.opsPerSecond(),
				"ratio against Camunda's REST API; " + after));
	}

	/** Starts {@code count} instances of a process with one user task and returns the ids of their waiting tasks. */
	private static List<String> waitingUserTasks(String processKey, int count) throws Exception {
		RuntimeService runtime = app.getBean(RuntimeService.class);
		app.getBean(RepositoryService.class)
			.createDeployment()
			.addModelInstance(processKey + ".bpmn",
					Bpmn.createExecutableProcess(processKey).startEvent().userTask("wait").endEvent().done())
			.deploy();
		Load.run(count, 8, (i) -> runtime.startProcessInstanceByKey(processKey, processKey + "-" + i));
		return app.getBean(TaskService.class)
			.createTaskQuery()
			.processDefinitionKey(processKey)
			.list()
			.stream()
			.map(Task::getId)
			.toList();
	}

	/** Scenario 6: the schema document's three queries and the list endpoint over a million actions. */
	void queries() throws Exception {
		int rows = Integer.getInteger("bench.rows", 1_000_000);
		int runs = Integer.getInteger("bench.queryRuns", 1000);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		StoredActions actionRequests = StoredActions.in(app);
		// 2% pending, spread evenly: every flow has 2,000 actions and 40 of them pending
		jdbc.update("""
				INSERT INTO action_request (id, flow_id, session_id, node_id, status, output_types, context, expires_at,
				                            created_at, updated_at)
				SELECT gen_random_uuid(), 'q-flow-' || (i % 500), 'q-session-' || (i % 100000), 'q-node-' || (i % 50),
				       CASE WHEN (i / 500) % 50 = 0 THEN 'pending' ELSE 'completed' END,
				       CASE i % 3 WHEN 0 THEN ARRAY['chat'] WHEN 1 THEN ARRAY['email'] ELSE ARRAY['chat', 'custom'] END,
				       jsonb_build_object('question', 'Question ' || i, 'metadata', '{}'::jsonb),
				       now() + interval '1 day', now() - (i || ' seconds')::interval, now()
				FROM generate_series(1, ?) AS i
				""", rows);
		// vacuumed too, so that autovacuum does not start on the new rows while the queries are measured
		jdbc.execute("VACUUM ANALYZE action_request");
		List<UUID> someIds = jdbc.queryForList("SELECT id FROM action_request TABLESAMPLE SYSTEM (1) LIMIT 1000",
				UUID.class);
		results.add(query("queries_pending_by_flow", runs, rows,
				(i) -> actionRequests.findPendingByFlowId("q-flow-" + (i % 500), PageRequest.of(0, 50))));
		results.add(query("queries_pending_by_type", runs, rows,
				(i) -> actionRequests.findPendingByOutputType((i % 2 == 0) ? "custom" : "email", PageRequest.of(0, 50))));
		results.add(query("queries_by_id", runs, rows,
				(i) -> actionRequests.findById(someIds.get(i % someIds.size()))));
		try (ApiClient api = new ApiClient(baseUrl, API_KEY, 1)) {
			results.add(query("queries_list_endpoint", runs, rows,
					(i) -> api.get("/api/v1/actions?status=pending&flowId=q-flow-" + (i % 500) + "&size=20")));
		}
	}

	/**
	 * One query, measured after a warm-up that keeps the JIT compiler's work out of p99: on two cores the compiler
	 * takes minutes to catch up with the web stack, and a request that waits for it is not what the query costs.
	 */
	private static ScenarioResult query(String name, int runs, int rows, Load.Operation query) throws Exception {
		int warmUp = Integer.getInteger("bench.queryWarmUp", 5000);
		Load.run(warmUp, 1, query);
		return ScenarioResult.of(name, Load.run(runs, 1, query), true, null,
				rows + " rows, after " + warmUp + " runs as a warm-up");
	}

	/** Several measured blocks of one side of an A/B comparison, added up. */
	static final class Combined {

		private long ops;

		private double seconds;

		private final List<Measurement> parts = new ArrayList<>();

		void add(Measurement measurement) {
			this.ops += measurement.count();
			this.seconds += measurement.seconds();
			this.parts.add(measurement);
		}

		double opsPerSecond() {
			return this.ops / this.seconds;
		}

		ScenarioResult result(String name, Double ratio, String detail) {
			return noted(name, ratio, "concurrency 8, " + this.parts.size() + " interleaved blocks; " + detail);
		}

		/** All blocks as one result, with latencies, under a note of the caller's. */
		ScenarioResult noted(String name, Double ratio, String note) {
			Measurement all = new Measurement((int) this.ops);
			this.parts.forEach((part) -> part.copyTo(all));
			all.wall((long) (this.seconds * 1e9));
			return ScenarioResult.of(name, all, true, ratio, note);
		}

	}

	static Map<String, Object> none() {
		return Map.of();
	}

}
