package dev.camundahil.expiry;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The expiry sweep on H2, the standalone app's default database, which has no {@code SKIP LOCKED}.
 */
@H2Test
@TestPropertySource(properties = ExpiryTestSettings.INTERVAL)
class ExpiryH2Test {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOverdueActionExpiresOnH2() {
		String key = key("expiryH2");
		this.repository.createDeployment()
			.addModelInstance(key + ".bpmn",
					waitingAfter(hilTask(key, "Q?", "chat").camundaInputParameter("timeout", "PT1S")))
			.deploy();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.getActiveActivityIds(instance.getId()).equals(List.of("after")));

		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("expired");
		UUID id = this.jdbc.queryForObject("SELECT id FROM action_request WHERE process_instance_id = ?", UUID.class,
				instance.getId());
		assertThat(this.actions.auditTrail(id)).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.EXPIRED);
	}

}
