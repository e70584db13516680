package dev.camundahil.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.failingAfter;
import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The expiry sweep on real process instances: overdue actions expire through Quartz, the instances resume as the
 * task says, a failing instance holds nobody up, and an answer racing the expiry ends in exactly one outcome.
 */
@PostgresTest
@TestPropertySource(properties = { ExpiryTestSettings.INTERVAL, ExpiryTestSettings.RETRY_DELAY,
		ExpiryTestSettings.SCHEDULER })
class ExpiryTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	ActionService actions;

	@Autowired
	ActionService actionRequests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilExpiry")
	RecurringWork expiry;

	@Test
	void anOverdueActionExpiresAndTheInstanceContinuesWithStatusExpired() {
		String key = deploy(waitingAfter(hilTask(key("expiry"), "Ship?", "chat").camundaInputParameter("timeout", "PT1S")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);

		await().atMost(Duration.ofSeconds(30)).until(() -> activeActivities(instance).equals(List.of("after")));

		ActionRequest expired = this.actionRequests.lookup(action.getId()).orElseThrow();
		assertThat(expired.getStatus()).isEqualTo(ActionStatus.EXPIRED);
		assertThat(expired.getUpdatedAt()).isAfterOrEqualTo(expired.getExpiresAt());
		assertThat(this.actions.auditTrail(action.getId())).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.EXPIRED);
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilStatus", "expired")
			.containsEntry("hilActionId", action.getId().toString())
			.doesNotContainKey("hilState");
		HistoricVariableInstance status = this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("hilStatus")
			.singleResult();
		assertThat(status.getValue()).isEqualTo("expired");
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("ask")
			.finished()
			.count()).isEqualTo(1);
	}

	@Test
	void onTimeoutErrorThrowsHilExpiredToTheBoundaryEvent() {
		String key = key("expiryError");
		deploy(hilTask(key, "Still there?", "chat").camundaInputParameter("timeout", "PT1S")
			.camundaInputParameter("onTimeout", "error")
			.boundaryEvent("timedOut")
			.error("HIL_EXPIRED")
			.receiveTask("escalated")
			.endEvent()
			.moveToActivity("ask")
			.receiveTask("after")
			.endEvent()
			.done());
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);

		await().atMost(Duration.ofSeconds(30)).until(() -> activeActivities(instance).equals(List.of("escalated")));

		assertThat(this.actionRequests.lookup(action.getId()).orElseThrow().getStatus())
			.isEqualTo(ActionStatus.EXPIRED);
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("expired");
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("after")
			.count()).isZero();
	}

	@Test
	void aFailingInstanceIsAuditedAndRetriedLaterWhileTheOthersExpire() {
		// The step after the HIL task fails while the variable 'broken' is true: resuming the instance throws.
		String failingKey = deploy(
				failingAfter(hilTask(key("expiryFailing"), "Q?", "chat").camundaInputParameter("timeout", "PT1S")));
		String fineKey = deploy(
				waitingAfter(hilTask(key("expiryFine"), "Q?", "chat").camundaInputParameter("timeout", "PT2S")));
		ProcessInstance failing = this.runtime.startProcessInstanceByKey(failingKey, Map.of("broken", true));
		List<ProcessInstance> fine = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			fine.add(this.runtime.startProcessInstanceByKey(fineKey));
		}
		ActionRequest failingAction = actionOf(failing);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> fine.stream().allMatch((instance) -> activeActivities(instance).equals(List.of("after"))));
		await().atMost(Duration.ofSeconds(30)).until(() -> failures(failingAction.getId()).size() >= 2);

		assertThat(this.actionRequests.lookup(failingAction.getId()).orElseThrow().getStatus())
			.isEqualTo(ActionStatus.PENDING);
		assertThat(activeActivities(failing)).containsExactly("ask");
		List<ActionAudit> failures = failures(failingAction.getId());
		assertThat(failures.get(0).getData().get("error").toString()).contains("noSuchBean");
		// left out for the retry delay between attempts, not tried again at every sweep
		assertThat(Duration.between(failures.get(0).getTimestamp(), failures.get(1).getTimestamp()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		for (ProcessInstance instance : fine) {
			assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("expired");
		}

		this.runtime.setVariable(failing.getId(), "broken", false);

		await().atMost(Duration.ofSeconds(30)).until(() -> activeActivities(failing).equals(List.of("after")));
		assertThat(this.runtime.getVariable(failing.getId(), "hilStatus")).isEqualTo("expired");
		assertThat(this.actions.auditTrail(failingAction.getId())).extracting(ActionAudit::getEvent)
			.filteredOn(AuditEvents.EXPIRED::equals)
			.hasSize(1);
	}

	@Test
	void answersRacingTheExpiryEndEachActionExactlyOnce() throws Exception {
		int count = 200;
		String key = deploy(waitingAfter(hilTask(key("expiryRace"), "Q?", "chat")));
		List<ProcessInstance> instances = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			instances.add(this.runtime.startProcessInstanceByKey(key));
		}
		Map<String, ProcessInstance> instanceByAction = new ConcurrentHashMap<>();
		for (ProcessInstance instance : instances) {
			instanceByAction.put(actionOf(instance).getId().toString(), instance);
		}
		// one deadline for all, so that the sweep and the answers meet on the same rows
		Instant deadline = Instant.now().plusSeconds(1);
		this.jdbc.update("UPDATE action_request SET expires_at = ? WHERE flow_id = ?",
				java.sql.Timestamp.from(deadline), key);
		List<String> ids = new ArrayList<>(instanceByAction.keySet());
		Collections.shuffle(ids);

		// Answers start just before the deadline and go on while the sweep expires the rest.
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis() - 100));
		Map<String, String> answered = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(5);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int first = t;
			done.add(pool.submit(() -> {
				for (int i = first; i < ids.size(); i += 4) {
					String id = ids.get(i);
					try {
						this.actions.respond(UUID.fromString(id), ResponseCommand.of("yes", "racer"));
						answered.put(id, "completed");
					}
					catch (ActionConflictException ex) {
						answered.put(id, "conflict");
					}
				}
			}));
		}
		// besides the Quartz job, a sweep of its own right at the deadline, so that the race surely takes place
		done.add(pool.submit(() -> {
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
			while (this.expiry.sweep() > 0) {
				// until nothing overdue is left
			}
			return null;
		}));
		for (Future<?> future : done) {
			future.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.queryForObject(
					"SELECT count(*) FROM action_request WHERE flow_id = ? AND status = 'pending'", Integer.class, key) == 0);

		int completed = 0;
		int expired = 0;
		for (String id : ids) {
			ActionRequest action = this.actionRequests.lookup(UUID.fromString(id)).orElseThrow();
			ProcessInstance instance = instanceByAction.get(id);
			List<String> terminal = this.actions.auditTrail(action.getId())
				.stream()
				.map(ActionAudit::getEvent)
				.filter((event) -> event.equals(AuditEvents.COMPLETED) || event.equals(AuditEvents.EXPIRED))
				.toList();
			assertThat(terminal).as("terminal audit entries of %s", id).hasSize(1);
			assertThat(this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId())
				.activityId("after")
				.count()).as("resumptions of %s", id).isEqualTo(1);
			assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo(action.getStatus().value());
			if (action.getStatus() == ActionStatus.COMPLETED) {
				completed++;
				assertThat(answered.get(id)).isEqualTo("completed");
				assertThat(terminal).containsExactly(AuditEvents.COMPLETED);
			}
			else {
				expired++;
				assertThat(action.getStatus()).isEqualTo(ActionStatus.EXPIRED);
				assertThat(answered.get(id)).isEqualTo("conflict");
				assertThat(terminal).containsExactly(AuditEvents.EXPIRED);
			}
		}
		assertThat(completed + expired).isEqualTo(count);
		assertThat(expired).as("actions the sweep expired before their answer").isPositive();
		assertThat(completed).as("actions answered before the sweep reached them").isPositive();
	}

	private List<ActionAudit> failures(UUID actionId) {
		return this.actions.auditTrail(actionId)
			.stream()
			.filter((entry) -> entry.getEvent().equals(AuditEvents.EXPIRY_FAILED))
			.toList();
	}

	private ActionRequest actionOf(ProcessInstance instance) {
		UUID id = this.jdbc.queryForObject("SELECT id FROM action_request WHERE process_instance_id = ?", UUID.class,
				instance.getId());
		return this.actionRequests.lookup(id).orElseThrow();
	}

	private List<String> activeActivities(ProcessInstance instance) {
		return this.runtime.getActiveActivityIds(instance.getId());
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

}
