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

		// in interleaved blocks, so that both sides meet the same state of the machine and of the tables
		int blocks = Integer.getInteger("bench.expiryBlocks", 4);
		BenchmarkSuite.Combined signals = new BenchmarkSuite.Combined();
		int madeOverdue = 0;
		double seconds = 0;
		for (int block = 0; block < blocks; block++) {
			List<String> executions = waiting.subList(block * waiting.size() / blocks,
					(block + 1) * waiting.size() / blocks);
			signals.add(Load.run(executions.size(), concurrency, (i) -> runtime.signal(executions.get(i))));
			int blockSize = (block + 1) * count / blocks - block * count / blocks;
			int due = jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' WHERE id IN "
					+ "(SELECT id FROM action_request WHERE flow_id = 'bench_expiry' AND status = 'pending' "
					+ "AND expires_at > now() LIMIT ?)", blockSize);
			seconds += Sweeps.until(Sweeps.named(app, "expiry"), concurrency, () -> overdue(jdbc) == 0);
			madeOverdue += due;
		}
		int expired = jdbc.queryForObject(
				"SELECT count(*) FROM action_request WHERE flow_id = 'bench_expiry' AND status = 'expired'",
				Integer.class);
		int stillRunning = running(jdbc);
		if (madeOverdue != count || expired != count || stillRunning != 0) {
			throw new IllegalStateException("expected " + count + " expired actions and no instance left, found "
					+ madeOverdue + " made overdue, " + expired + " expired and " + stillRunning + " still running");
		}
		ScenarioResult baseline = signals.noted("expiry_signal_baseline", null,
				"runtimeService.signal, concurrency " + concurrency + ", " + blocks + " interleaved blocks");
		ScenarioResult expiry = ScenarioResult.throughput("expiry", expired, seconds,
				(expired / seconds) / signals.opsPerSecond(),
				count + " overdue actions, " + concurrency + " sweepers, " + blocks + " interleaved blocks");
		return List.of(baseline, expiry);
	}

	private static int overdue(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM action_request WHERE flow_id = 'bench_expiry' "
				+ "AND status = 'pending' AND expires_at <= now()", Integer.class);
	}

	private static int running(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = "
				+ "e.proc_def_id_ WHERE d.key_ = 'bench_expiry'", Integer.class);
	}

}
