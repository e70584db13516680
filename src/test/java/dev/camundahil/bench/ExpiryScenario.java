package dev.camundahil.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 3: a backlog of overdue actions expired by the expiry sweep, each instance resumed, against the same
 * number of wait states left by plain {@code RuntimeService.signal} calls at the same concurrency.
 */
final class ExpiryScenario {

	private ExpiryScenario() {
	}

	static List<ScenarioResult> run(ConfigurableApplicationContext app) throws Exception {
		int count = Integer.getInteger("bench.expiries", 20_000);
		int concurrency = Integer.getInteger("bench.expiryThreads", 2);
		RepositoryService repository = app.getBean(RepositoryService.class);
		RuntimeService runtime = app.getBean(RuntimeService.class);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		repository.createDeployment()
			.addModelInstance("bench_expiry.bpmn",
					Bpmn.createExecutableProcess("bench_expiry")
						.startEvent()
						.serviceTask("wait")
						.camundaDelegateExpression("${hilTask}")
						.camundaInputParameter("question", "Still there?")
						.camundaInputParameter("outputTypes", "chat")
						.camundaInputParameter("timeout", "PT1H")
						.endEvent()
						.done())
			.addModelInstance("bench_signal.bpmn",
					Bpmn.createExecutableProcess("bench_signal").startEvent().receiveTask("wait").endEvent().done())
			.deploy();
		AtomicLong sequence = new AtomicLong();
		Load.run(count, 8, (i) -> runtime.startProcessInstanceByKey("bench_expiry", "x-" + sequence.incrementAndGet()));
		Load.run(count, 8, (i) -> runtime.startProcessInstanceByKey("bench_signal", "s-" + sequence.incrementAndGet()));
		List<String> waiting = jdbc.queryForList(
				"SELECT e.id_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ "
						+ "WHERE d.key_ = 'bench_signal' AND e.act_id_ = 'wait'",
				String.class);
		jdbc.execute("ANALYZE");

		Measurement signals = Load.run(waiting.size(), concurrency, (i) -> runtime.signal(waiting.get(i)));

		jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' "
				+ "WHERE flow_id = 'bench_expiry' AND status = 'pending'");
		double seconds = Sweeps.until(Sweeps.named(app, "expiry"), concurrency,
				() -> pending(jdbc) == 0 && running(jdbc) == 0);
		int expired = jdbc.queryForObject(
				"SELECT count(*) FROM action_request WHERE flow_id = 'bench_expiry' AND status = 'expired'",
				Integer.class);
		ScenarioResult baseline = ScenarioResult.of("expiry_signal_baseline", signals, true, null,
				"runtimeService.signal, concurrency " + concurrency);
		ScenarioResult expiry = ScenarioResult.throughput("expiry", expired, seconds,
				(expired / seconds) / signals.opsPerSecond(), count + " overdue actions, " + concurrency + " sweepers");
		return List.of(baseline, expiry);
	}

	private static int pending(JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"SELECT count(*) FROM action_request WHERE flow_id = 'bench_expiry' AND status = 'pending'",
				Integer.class);
	}

	private static int running(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = "
				+ "e.proc_def_id_ WHERE d.key_ = 'bench_expiry'", Integer.class);
	}

}
