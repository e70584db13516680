package dev.camundahil.expiry;

import java.time.Duration;

import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backlog of 10,000 overdue actions drains through the Quartz job in batches, and every instance resumes.
 */
@PostgresTest
@TestPropertySource(properties = { ExpiryTestSettings.INTERVAL, ExpiryTestSettings.RETRY_DELAY,
		ExpiryTestSettings.SCHEDULER })
class ExpiryBacklogTest {

	private static final Logger log = LoggerFactory.getLogger(ExpiryBacklogTest.class);

	private static final int ACTIONS = 10_000;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void tenThousandOverdueActionsExpireAndTheirInstancesEnd() throws Exception {
		String key = key("expiryBacklog");
		BpmnModelInstance model = hilTask(key, "Q?", "chat").endEvent().done();
		this.repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
		long started = System.nanoTime();
		ManyInstances.start(this.runtime, this.transactionManager, key, ACTIONS);
		log.info("Started {} instances in {}", ACTIONS, Duration.ofNanos(System.nanoTime() - started));

		started = System.nanoTime();
		int overdue = this.jdbc.update(
				"UPDATE action_request SET expires_at = now() - interval '1 second' WHERE flow_id = ?", key);
		assertThat(overdue).isEqualTo(ACTIONS);

		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.runtime.createProcessInstanceQuery().processDefinitionKey(key).count() == 0);
		log.info("Expired {} actions and ended their instances in {}", ACTIONS,
				Duration.ofNanos(System.nanoTime() - started));

		assertThat(this.jdbc.queryForList("SELECT status, count(*) AS n FROM action_request WHERE flow_id = ? GROUP BY status",
				key))
			.containsExactly(java.util.Map.of("status", "expired", "n", (long) ACTIONS));
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM action_audit au JOIN action_request a ON a.id = au.action_id
				WHERE a.flow_id = ? AND au.event = 'expired'""", Long.class, key)).isEqualTo(ACTIONS);
		assertThat(this.jdbc.queryForObject("""
				SELECT count(DISTINCT au.action_id) FROM action_audit au JOIN action_request a ON a.id = au.action_id
				WHERE a.flow_id = ? AND au.event = 'expired'""", Long.class, key)).isEqualTo(ACTIONS);
		assertThat(this.history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count())
			.isEqualTo(ACTIONS);
		assertThat(this.history.createHistoricVariableInstanceQuery()
			.variableName("hilStatus")
			.variableValueEquals("hilStatus", "expired")
			.processDefinitionKey(key)
			.count()).isEqualTo(ACTIONS);
	}

}
