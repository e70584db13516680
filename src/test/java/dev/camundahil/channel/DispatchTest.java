package dev.camundahil.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.bpmn.HilTaskConfigurationException;
import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.channel.TestChannels.EventRecorder;
import dev.camundahil.channel.TestChannels.FlakyChannel;
import dev.camundahil.channel.TestChannels.LedgerChannel;
import dev.camundahil.channel.TestChannels.RecordingChannel;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Output channels on PostgreSQL: custom channel beans get the action after commit, failures are retried on a
 * time-compressed schedule, the last failure is audited and leaves the action answerable, rows left behind are
 * swept, reminders go out for pending actions only, and bad channel declarations fail the deployment.
 */
@PostgresTest
@Import(TestChannels.class)
@TestPropertySource(properties = { "hil.dispatch.retry-schedule=100ms,100ms,100ms", "hil.dispatch.interval=200ms",
		"hil.reminders.interval=200ms" })
class DispatchTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	ActionService actionRequests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	RecordingChannel recording;

	@Autowired
	FlakyChannel flaky;

	@Autowired
	LedgerChannel ledger;

	@Autowired
	EventRecorder events;

	@Autowired
	DispatchRows rows;

	@Test
	void aCustomChannelBeanGetsTheActionAfterCommitAndNeverForARolledBackOne() {
		assertThat(this.context.getBean("recordingChannel")).isSameAs(this.recording).isInstanceOf(OutputChannel.class);
		String key = deploy(custom(key("custom"), "recordingChannel").camundaInputParameter("ticketQueue", "ops"));
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		UUID committed = transaction.execute((status) -> {
			UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));
			assertThat(dispatchStatus(id)).containsExactly("pending");
			assertThat(this.recording.of(id)).as("nothing sent before commit").isEmpty();
			return id;
		});
		await(() -> !this.recording.of(committed).isEmpty());

		ChannelMessage message = this.recording.of(committed).get(0);
		assertThat(message.purpose()).isEqualTo(Purpose.REQUEST);
		assertThat(message.outputType()).isEqualTo("custom");
		assertThat(message.args()).containsEntry("ticketQueue", "ops").containsEntry("channel", "recordingChannel");
		await(() -> dispatchStatus(committed).equals(List.of("delivered")));
		assertThat(this.jdbc.queryForObject("SELECT message_id FROM action_dispatch WHERE action_id = ?", String.class,
				committed)).isEqualTo("<" + committed + "@recording.test>");
		ActionAudit dispatched = auditOf(committed, AuditEvents.DISPATCHED).get(0);
		assertThat(dispatched.getData()).containsEntry("channel", "recordingChannel")
			.containsEntry("outputType", "custom")
			.containsEntry("messageId", "<" + committed + "@recording.test>")
			.containsKey("ticket");

		UUID[] rolledBack = new UUID[1];
		transaction.executeWithoutResult((status) -> {
			rolledBack[0] = actionOf(this.runtime.startProcessInstanceByKey(key));
			status.setRollbackOnly();
		});
		UUID later = transaction.execute((status) -> actionOf(this.runtime.startProcessInstanceByKey(key)));
		await(() -> !this.recording.of(later).isEmpty());
		assertThat(this.recording.of(rolledBack[0])).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_dispatch WHERE action_id = ?", Integer.class,
				rolledBack[0])).isZero();
	}

	@Test
	void aChannelFailingTwiceDeliversExactlyOnceOnTheThirdAttempt() {
		String key = deploy(custom(key("flaky"), "flakyChannel").camundaInputParameter("failTimes", "2"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));

		await(() -> dispatchStatus(id).equals(List.of("delivered")));

		assertThat(this.flaky.calls.get(id).get()).isEqualTo(3);
		assertThat(this.flaky.deliveries.get(id).get()).isEqualTo(1);
		UUID row = this.jdbc.queryForObject("SELECT id FROM action_dispatch WHERE action_id = ?", UUID.class, id);
		assertThat(this.flaky.dispatchIds.get(id)).as("the outbox row named to the channel on every attempt")
			.containsExactly(row, row, row);
		assertThat(this.jdbc.queryForMap("SELECT attempts, last_error FROM action_dispatch WHERE action_id = ?", id))
			.containsEntry("attempts", 3)
			.containsEntry("last_error", null);
		assertThat(auditOf(id, AuditEvents.DISPATCHED)).hasSize(1);
		assertThat(auditOf(id, AuditEvents.DISPATCH_FAILED)).isEmpty();
	}

	@Test
	void afterTheLastAttemptTheFailureIsAuditedAndTheActionStaysAnswerable() {
		String key = deploy(custom(key("dead"), "flakyChannel").camundaInputParameter("failTimes", "100"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		UUID id = actionOf(instance);

		await(() -> dispatchStatus(id).equals(List.of("failed")));

		assertThat(this.flaky.calls.get(id).get()).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT attempts FROM action_dispatch WHERE action_id = ?", Integer.class, id))
			.isEqualTo(4);
		List<ActionAudit> failed = auditOf(id, AuditEvents.DISPATCH_FAILED);
		assertThat(failed).hasSize(1);
		assertThat(failed.get(0).getData()).containsEntry("channel", "flakyChannel").containsEntry("attempts", 4);
		assertThat(String.valueOf(failed.get(0).getData().get("error"))).contains("receiver down (call 4)");
		assertThat(this.events.typesOf(id)).containsOnlyOnce(ActionEvent.Type.DISPATCH_FAILED);
		assertThat(this.actionRequests.lookup(id).orElseThrow().isPending()).isTrue();

		this.actions.respond(id, ResponseCommand.of("Done", "ann"));

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
	}

	@Test
	void aChannelThatRefusesForGoodFailsAtOnceAndTheActionStaysAnswerable() {
		String key = deploy(custom(key("refused"), "flakyChannel").camundaInputParameter("refuse", "true"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		UUID id = actionOf(instance);

		await(() -> dispatchStatus(id).equals(List.of("failed")));

		assertThat(this.flaky.calls.get(id).get()).as("no retry").isOne();
		assertThat(this.jdbc.queryForMap("SELECT attempts, last_error FROM action_dispatch WHERE action_id = ?", id))
			.containsEntry("attempts", 1)
			.containsEntry("last_error",
					"PermanentDispatchFailure: the receiver does not know this ticket queue (call 1)");
		List<ActionAudit> failed = auditOf(id, AuditEvents.DISPATCH_FAILED);
		assertThat(failed).hasSize(1);
		assertThat(String.valueOf(failed.get(0).getData().get("error"))).contains("ticket queue");
		assertThat(this.events.typesOf(id)).containsOnlyOnce(ActionEvent.Type.DISPATCH_FAILED);
		assertThat(this.actionRequests.lookup(id).orElseThrow().isPending()).isTrue();
	}

	@Test
	void anInTransactionChannelThatRefusesForGoodFailsWhileTheActionOpens() {
		String key = deploy(custom(key("ledgerRefused"), "ledgerChannel").camundaInputParameter("refuse", "true"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));

		assertThat(this.ledger.calls.get(id).get()).isOne();
		assertThat(this.jdbc.queryForMap("SELECT status, attempts FROM action_dispatch WHERE action_id = ?", id))
			.containsEntry("status", "failed");
		assertThat(this.actions.auditTrail(id)).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCH_FAILED);
		assertThat(this.actionRequests.lookup(id).orElseThrow().isPending()).isTrue();
	}

	@Test
	void anUnknownOrMissingCustomChannelFailsTheDeployment() {
		String unknown = key("ghost");
		assertThatThrownBy(() -> deploy(custom(unknown, "noSuchChannel")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(unknown)
			.hasMessageContaining("'ask'")
			.hasMessageContaining("noSuchChannel");
		String missing = key("noChannel");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(missing, "Done?", "chat,custom"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(missing)
			.hasMessageContaining("'channel'");
		String notAChannel = key("notAChannel");
		assertThatThrownBy(() -> deploy(custom(notAChannel, "jdbcTemplate")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("jdbcTemplate");
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey(unknown).count()).isZero();
	}

	@Test
	void malformedOrTooLateRemindersFailTheDeployment() {
		String malformed = key("badReminder");
		assertThatThrownBy(() -> deploy(custom(malformed, "recordingChannel").camundaInputParameter("reminder", "PT1H,soon")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(malformed)
			.hasMessageContaining("'soon'");
		String late = key("lateReminder");
		assertThatThrownBy(() -> deploy(custom(late, "recordingChannel").camundaInputParameter("timeout", "PT2H")
			.camundaInputParameter("reminder", "PT1H,PT3H")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining(late)
			.hasMessageContaining("PT3H");
	}

	@Test
	void aMalformedReminderAtRunTimeFailsTheStartAndWritesNothing() {
		String key = deploy(custom(key("runtimeReminder"), "recordingChannel").camundaInputParameter("reminder", "${every}"));
		Integer before = this.jdbc.queryForObject("SELECT count(*) FROM action_request", Integer.class);

		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(key, Map.of("every", "PT1H,often")))
			.isInstanceOf(HilTaskConfigurationException.class)
			.hasMessageContaining(key)
			.hasMessageContaining("'often'");

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_request", Integer.class)).isEqualTo(before);
	}

	@Test
	void aChannelUnknownAtRunTimeIsAnAuditedDispatchFailure() {
		String key = deploy(custom(key("runtimeGhost"), "${channelName}"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, Map.of("channelName", "ghostChannel"));
		UUID id = actionOf(instance);

		assertThat(dispatchStatus(id)).containsExactly("failed");
		List<ActionAudit> failed = auditOf(id, AuditEvents.DISPATCH_FAILED);
		assertThat(failed).hasSize(1);
		assertThat(String.valueOf(failed.get(0).getData().get("error"))).contains("ghostChannel");
		assertThat(this.events.typesOf(id)).contains(ActionEvent.Type.CREATED, ActionEvent.Type.DISPATCH_FAILED);
		assertThat(this.actionRequests.lookup(id).orElseThrow().isPending()).isTrue();
	}

	@Test
	void anInTransactionChannelIsCalledWhileTheActionOpens() {
		String key = deploy(custom(key("ledger"), "ledgerChannel"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));

		assertThat(this.ledger.calledInTransaction).containsEntry(id, true);
		assertThat(this.jdbc.queryForMap("SELECT status, attempts, message_id FROM action_dispatch WHERE action_id = ?",
				id))
			.containsEntry("status", "delivered")
			.containsEntry("attempts", 1)
			.containsEntry("message_id", "ledger-" + id);
		assertThat(this.actions.auditTrail(id)).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED);
	}

	@Test
	void anInTransactionChannelThatFailsIsRetriedInATransactionOfItsOwnAndReminds() {
		String key = deploy(custom(key("ledgerRetry"), "ledgerChannel").camundaInputParameter("failTimes", "1")
			.camundaInputParameter("reminder", "PT1S"));
		// read before the opening transaction commits: its retry is due 100 ms after the failed call, and a sweep may
		// take it as soon as it is committed
		UUID id = new TransactionTemplate(this.transactionManager).execute((status) -> {
			UUID opened = actionOf(this.runtime.startProcessInstanceByKey(key));
			assertThat(this.jdbc.queryForMap(
					"SELECT status, attempts FROM action_dispatch WHERE action_id = ? AND purpose = 'request'", opened))
				.containsEntry("status", "pending")
				.containsEntry("attempts", 1);
			return opened;
		});

		await(() -> dispatchStatus(id).equals(List.of("delivered")) && auditOf(id, AuditEvents.REMINDED).size() == 1);

		assertThat(this.ledger.calls.get(id).get()).isEqualTo(3);
		assertThat(this.ledger.calledInTransaction).containsEntry(id, true);
		assertThat(this.jdbc.queryForObject(
				"SELECT attempts FROM action_dispatch WHERE action_id = ? AND purpose = 'request'", Integer.class, id))
			.isEqualTo(2);
		assertThat(this.actions.auditTrail(id)).extracting(ActionAudit::getEvent)
			.containsExactlyInAnyOrder(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.REMINDED);
	}

	@Test
	void rowsLeftBehindByACrashedNodeAreDeliveredByTheSweep() {
		String key = deploy(custom(key("crash"), "recordingChannel"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));
		await(() -> dispatchStatus(id).equals(List.of("delivered")));
		// one row committed but never handed to a worker, one claimed by a node that died while delivering it
		UUID neverHandedOver = UUID.randomUUID();
		UUID claimedByDeadNode = UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO action_dispatch (id, action_id, output_type, channel, purpose, status, attempts, next_attempt_at)
				VALUES (?, ?, 'custom', 'recordingChannel', 'request', 'pending', 0, now() - interval '1 minute'),
				       (?, ?, 'custom', 'recordingChannel', 'request', 'pending', 1, now() - interval '1 second')""",
				neverHandedOver, id, claimedByDeadNode, id);

		await(() -> this.recording.of(id).size() == 3);
		await(() -> "delivered".equals(statusOf(neverHandedOver)) && "delivered".equals(statusOf(claimedByDeadNode)));
		assertThat(this.jdbc.queryForObject("SELECT attempts FROM action_dispatch WHERE id = ?", Integer.class,
				claimedByDeadNode)).isEqualTo(2);
		assertThat(auditOf(id, AuditEvents.DISPATCHED)).hasSize(3);
	}

	@Test
	void remindersGoOutForPendingActionsOnly() {
		String key = deploy(custom(key("remind"), "recordingChannel").camundaInputParameter("reminder", "PT1S,PT2S"));
		UUID pending = actionOf(this.runtime.startProcessInstanceByKey(key));
		UUID answered = actionOf(this.runtime.startProcessInstanceByKey(key));
		this.actions.respond(answered, ResponseCommand.of("ok", "ann"));
		assertThat(this.jdbc.queryForList(
				"SELECT status FROM action_dispatch WHERE action_id = ? AND purpose = 'reminder'", String.class, answered))
			.containsExactly("skipped", "skipped");

		await(() -> auditOf(pending, AuditEvents.REMINDED).size() == 2);

		List<ChannelMessage> reminders = this.recording.of(pending).stream().filter(ChannelMessage::isReminder).toList();
		assertThat(reminders).hasSize(2);
		// both are due at once when the request went out late, and then two workers may send them in either order
		assertThat(auditOf(pending, AuditEvents.REMINDED)).extracting((audit) -> audit.getData().get("reminder"))
			.containsExactlyInAnyOrder("PT1S", "PT2S");
		assertThat(this.events.typesOf(pending).stream().filter(ActionEvent.Type.REMINDED::equals)).hasSize(2);
		assertThat(this.recording.of(answered).stream().filter(ChannelMessage::isReminder)).isEmpty();
		assertThat(auditOf(answered, AuditEvents.REMINDED)).isEmpty();
	}

	@Test
	void aReminderLooksAgainSoonWhileItsRequestIsOnItsWayOut() {
		String key = deploy(custom(key("remindSoon"), "recordingChannel"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));
		await(() -> dispatchStatus(id).equals(List.of("delivered")));
		// the request's first attempt is under way: claimed until the end of its lease, no failure recorded
		this.jdbc.update("UPDATE action_dispatch SET status = 'pending', message_id = NULL, attempts = 1, "
				+ "last_error = NULL, next_attempt_at = now() + interval '5 minutes' WHERE action_id = ?", id);
		UUID reminder = UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO action_dispatch (id, action_id, output_type, channel, purpose, reminder, status, attempts,
				                             next_attempt_at)
				VALUES (?, ?, 'custom', 'recordingChannel', 'reminder', 'PT1S', 'pending', 0, now())""", reminder, id);

		await(() -> this.jdbc.queryForObject("SELECT next_attempt_at > now() AND attempts = 0 "
				+ "FROM action_dispatch WHERE id = ?", Boolean.class, reminder));
		assertThat(this.jdbc.queryForObject("SELECT next_attempt_at < now() + interval '1 minute' "
				+ "FROM action_dispatch WHERE id = ?", Boolean.class, reminder)).as("not until the lease ends").isTrue();
		assertThat(this.recording.of(id).stream().filter(ChannelMessage::isReminder)).as("sent before its request")
			.isEmpty();
	}

	@Test
	void aReminderWaitsForItsRequestAndRefersToIt() {
		String key = deploy(custom(key("remindAfter"), "recordingChannel"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));
		await(() -> dispatchStatus(id).equals(List.of("delivered")));
		String requestMessageId = "<" + id + "@recording.test>";
		// the request is to be tried again in an hour, as after a failed attempt, when a reminder comes due
		this.jdbc.update("UPDATE action_dispatch SET status = 'pending', message_id = NULL, "
				+ "next_attempt_at = now() + interval '1 hour', last_error = 'connection refused' WHERE action_id = ?",
				id);
		UUID reminder = UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO action_dispatch (id, action_id, output_type, channel, purpose, reminder, status, attempts,
				                             next_attempt_at)
				VALUES (?, ?, 'custom', 'recordingChannel', 'reminder', 'PT1S', 'pending', 0, now())""", reminder, id);

		await(() -> this.jdbc.queryForObject("SELECT next_attempt_at > now() + interval '30 minutes' AND attempts = 0 "
				+ "FROM action_dispatch WHERE id = ?", Boolean.class, reminder));
		assertThat(this.recording.of(id).stream().filter(ChannelMessage::isReminder)).as("sent before its request")
			.isEmpty();

		this.jdbc.update("UPDATE action_dispatch SET status = 'delivered', message_id = ? WHERE action_id = ? "
				+ "AND purpose = 'request'", requestMessageId, id);
		this.jdbc.update("UPDATE action_dispatch SET next_attempt_at = now() WHERE id = ?", reminder);

		await(() -> "delivered".equals(statusOf(reminder)));
		assertThat(this.recording.of(id).stream().filter(ChannelMessage::isReminder))
			.singleElement()
			.extracting(ChannelMessage::requestMessageId)
			.isEqualTo(requestMessageId);
	}

	@Test
	void theExampleProcessReachesItsLoggingChannel() {
		UUID id = actionOf(this.runtime.startProcessInstanceByKey("customChannel"));

		await(() -> dispatchStatus(id).contains("delivered"));
		assertThat(auditOf(id, AuditEvents.DISPATCHED).get(0).getData()).containsEntry("channel", "loggingChannel");
		assertThat(this.jdbc.queryForList(
				"SELECT reminder FROM action_dispatch WHERE action_id = ? AND purpose = 'reminder' ORDER BY next_attempt_at",
				String.class, id)).containsExactly("PT1H", "PT3H");
	}

	@Test
	void nodesClaimingAtOnceNeverGetTheSameRow() throws Exception {
		String key = deploy(custom(key("race"), "recordingChannel"));
		UUID id = actionOf(this.runtime.startProcessInstanceByKey(key));
		for (int i = 0; i < 200; i++) {
			this.jdbc.update("""
					INSERT INTO action_dispatch (id, action_id, output_type, channel, purpose, status, next_attempt_at)
					VALUES (?, ?, 'custom', 'raceChannel', 'request', 'pending', now() - interval '1 minute')""",
					UUID.randomUUID(), id);
		}
		int nodes = 6;
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		CountDownLatch start = new CountDownLatch(1);
		Set<UUID> claimed = ConcurrentHashMap.newKeySet();
		List<Future<Integer>> counts = new ArrayList<>();
		for (int n = 0; n < nodes; n++) {
			counts.add(pool.submit(() -> {
				start.await();
				int mine = 0;
				List<ClaimedDispatch> batch;
				do {
					java.time.Instant now = java.time.Instant.now();
					batch = this.rows.claimDue(Purpose.REQUEST, List.of("raceChannel"), 7, now, now.plusSeconds(600));
					batch.forEach((row) -> assertThat(claimed.add(row.id())).as("claimed twice: %s", row.id()).isTrue());
					mine += batch.size();
				}
				while (!batch.isEmpty());
				return mine;
			}));
		}
		start.countDown();
		int total = 0;
		for (Future<Integer> count : counts) {
			total += count.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(total).isEqualTo(200);
		assertThat(claimed).hasSize(200);
		this.jdbc.update("UPDATE action_dispatch SET status = 'skipped' WHERE channel = 'raceChannel'");
	}

	private static ServiceTaskBuilder custom(String key, String channel) {
		return hilTask(key, "Done?", "custom").camundaInputParameter("channel", channel);
	}

	private String deploy(ServiceTaskBuilder task) {
		return deploy(waitingAfter(task));
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

	private UUID actionOf(ProcessInstance instance) {
		return this.jdbc.queryForObject("SELECT id FROM action_request WHERE process_instance_id = ?", UUID.class,
				instance.getId());
	}

	private List<String> dispatchStatus(UUID actionId) {
		return this.jdbc.queryForList("SELECT status FROM action_dispatch WHERE action_id = ? AND purpose = 'request'",
				String.class, actionId);
	}

	private String statusOf(UUID dispatchId) {
		return this.jdbc.queryForObject("SELECT status FROM action_dispatch WHERE id = ?", String.class, dispatchId);
	}

	private List<ActionAudit> auditOf(UUID actionId, String event) {
		return this.actions.auditTrail(actionId).stream().filter((audit) -> event.equals(audit.getEvent())).toList();
	}

	private static void await(BooleanSupplier condition) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
	}

}
