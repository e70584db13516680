package dev.camundahil.expiry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.support.SecondNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one database, in one Quartz cluster, sweeping the same backlog at the same time:
 * each action expires once and each instance resumes once.
 */
@PostgresTest
@TestPropertySource(properties = { ExpiryTestSettings.INTERVAL, ExpiryTestSettings.RETRY_DELAY,
		ExpiryTestSettings.SCHEDULER })
class ExpiryTwoNodesTest {

	private static final int ACTIONS = 1_000;

	/** This context's database, which the second node shares. */
	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Scheduler scheduler;

	@Autowired
	@Qualifier("hilExpiry")
	RecurringWork expiry;

	@Test
	void twoNodesExpireEveryActionExactlyOnce() throws Exception {
		String key = key("expiryTwoNodes");
		BpmnModelInstance model = waitingAfter(hilTask(key, "Q?", "chat"));
		this.repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
		ManyInstances.start(this.runtime, this.transactionManager, key, ACTIONS);

		try (ConfigurableApplicationContext second = startSecondNode(this.databaseUrl)) {
			Scheduler secondScheduler = second.getBean(Scheduler.class);
			assertThat(secondScheduler.getMetaData().isJobStoreClustered()).isTrue();
			assertThat(secondScheduler.getSchedulerName()).isEqualTo(this.scheduler.getSchedulerName());
			assertThat(secondScheduler.getSchedulerInstanceId()).isNotEqualTo(this.scheduler.getSchedulerInstanceId());
			RecurringWork secondExpiry = second.getBean("hilExpiry", RecurringWork.class);

			this.jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' WHERE flow_id = ?", key);
			// Quartz fires the job on either node; each node also sweeps from two threads of its own, so that the
			// two nodes certainly claim from the same backlog at the same time.
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<Integer>> first = List.of(pool.submit(() -> drain(this.expiry)), pool.submit(() -> drain(this.expiry)));
			List<Future<Integer>> other = List.of(pool.submit(() -> drain(secondExpiry)),
					pool.submit(() -> drain(secondExpiry)));
			int firstHandled = 0;
			int secondHandled = 0;
			for (Future<Integer> handled : first) {
				firstHandled += handled.get(3, TimeUnit.MINUTES);
			}
			for (Future<Integer> handled : other) {
				secondHandled += handled.get(3, TimeUnit.MINUTES);
			}
			pool.shutdown();
			await().atMost(Duration.ofMinutes(1))
				.until(() -> this.jdbc.queryForObject(
						"SELECT count(*) FROM action_request WHERE flow_id = ? AND status = 'pending'", Integer.class,
						key) == 0);

			assertThat(firstHandled).as("actions this node's own sweeps expired").isPositive();
			assertThat(secondHandled).as("actions the second node's own sweeps expired").isPositive();
		}

		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM action_request WHERE flow_id = ? AND status = 'expired'", Integer.class, key))
			.isEqualTo(ACTIONS);
		List<Map<String, Object>> expiredTwice = this.jdbc.queryForList("""
				SELECT a.id, count(au.id) FROM action_request a
				LEFT JOIN action_audit au ON au.action_id = a.id AND au.event IN ('expired', 'completed', 'cancelled')
				WHERE a.flow_id = ? GROUP BY a.id HAVING count(au.id) <> 1""", key);
		assertThat(expiredTwice).as("actions without exactly one terminal audit entry").isEmpty();
		List<Map<String, Object>> resumed = this.jdbc.queryForList("""
				SELECT proc_inst_id_, count(*) AS n FROM act_hi_actinst
				WHERE proc_def_key_ = ? AND act_id_ = 'after' GROUP BY proc_inst_id_""", key);
		assertThat(resumed).hasSize(ACTIONS).allSatisfy((row) -> assertThat(row.get("n")).isEqualTo(1L));
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM act_ru_variable v JOIN act_ru_execution e ON e.id_ = v.proc_inst_id_
				JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
				WHERE d.key_ = ? AND v.name_ = 'hilStatus' AND v.text_ = 'expired'""", Integer.class, key))
			.isEqualTo(ACTIONS);
	}

	/** Sweeps until a sweep finds nothing more to claim; returns how many actions it claimed. */
	private static int drain(RecurringWork work) {
		int total = 0;
		int handled;
		do {
			handled = work.sweep();
			total += handled;
		}
		while (handled > 0);
		return total;
	}

	/** The same application again, on the same database and in the same Quartz cluster, as a second node. */
	private static ConfigurableApplicationContext startSecondNode(String databaseUrl) {
		return SecondNode.start(databaseUrl, ExpiryTestSettings.INTERVAL, ExpiryTestSettings.RETRY_DELAY,
				ExpiryTestSettings.SCHEDULER);
	}

}
