package dev.camundahil.channel;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.channel.TestChannels.FlakyChannel;
import dev.camundahil.channel.TestChannels.RecordingChannel;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on H2, where due rows are claimed one by one instead of with {@code SKIP LOCKED}.
 */
@H2Test
@Import(TestChannels.class)
@TestPropertySource(properties = { "hil.dispatch.retry-schedule=100ms,100ms,100ms", "hil.dispatch.interval=200ms",
		"hil.reminders.interval=200ms" })
class H2DispatchTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordingChannel recording;

	@Autowired
	FlakyChannel flaky;

	@Test
	void deliversAfterCommitRetriesAndReminds() {
		String key = deploy(waitingAfter(hilTask(key("h2"), "Done?", "custom").camundaInputParameter("channel", "flakyChannel")
			.camundaInputParameter("failTimes", "2")));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));

		await(() -> "delivered".equals(this.jdbc.queryForObject(
				"SELECT status FROM action_dispatch WHERE action_id = ? AND purpose = 'request'", String.class, id)));
		assertThat(this.flaky.deliveries.get(id).get()).isEqualTo(1);
		assertThat(this.flaky.calls.get(id).get()).isEqualTo(3);

		String reminded = deploy(waitingAfter(hilTask(key("h2remind"), "Done?", "custom")
			.camundaInputParameter("channel", "recordingChannel")
			.camundaInputParameter("reminder", "PT1S")));
		UUID other = actionOf(this.runtime.startProcessInstanceByKey(reminded));
		await(() -> this.actions.auditTrail(other).stream().anyMatch((audit) -> AuditEvents.REMINDED.equals(audit.getEvent())));
		assertThat(this.recording.of(other)).extracting(ChannelMessage::isReminder).containsExactly(false, true);
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

	private UUID actionOf(ProcessInstance instance) {
		List<UUID> ids = this.jdbc.queryForList("SELECT id FROM action_request WHERE process_instance_id = ?", UUID.class,
				instance.getId());
		return ids.get(0);
	}

	private static void await(BooleanSupplier condition) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
	}

}
