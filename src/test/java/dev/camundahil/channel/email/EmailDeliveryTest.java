package dev.camundahil.channel.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import dev.camundahil.action.AuditEvents;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emails sent the way the application sends them: from the dispatch outbox after the action's transaction
 * commits, retried while the mail server is away, and each delivered once.
 */
class EmailDeliveryTest extends EmailTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNewActionIsMailedAfterCommitAndItsMessageIdIsRecordedForReplies() throws Exception {
		UUID action = actionOf(start("Approve order 11?", "ann@outbox.example")).getId();

		MimeMessage message = awaitEmailFor(action);

		awaitTrue("the dispatch is recorded as delivered", () -> "delivered".equals(dispatchStatus(action)));
		assertThat(this.jdbc.queryForObject("SELECT message_id FROM action_dispatch WHERE action_id = ?", String.class,
				action)).isEqualTo(message.getMessageID());
		assertThat(this.jdbc.queryForObject("SELECT data->>'messageId' FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, action, AuditEvents.DISPATCHED)).isEqualTo(message.getMessageID());
		assertThat(message.getSubject()).isEqualTo("Approve order 11? [HIL-" + action + "]");
	}

	@Test
	void emailsOfActionsOpenedWhileTheMailServerIsDownArriveOnceItIsBackAndOnlyOnce() throws Exception {
		List<UUID> actions = new ArrayList<>();
		mail.stop();
		try {
			for (int i = 0; i < 3; i++) {
				actions.add(actionOf(start("Outage question " + i + "?", "ann@outage.example")).getId());
			}
			for (UUID action : actions) {
				awaitTrue("a failed attempt for " + action, () -> this.jdbc.queryForObject(
						"SELECT count(*) FROM action_dispatch WHERE action_id = ? AND status = 'pending' AND attempts > 0 "
								+ "AND last_error IS NOT NULL", Integer.class, action) == 1);
			}
		}
		finally {
			startMail();
		}

		for (UUID action : actions) {
			awaitEmailFor(action);
			awaitTrue("the dispatch of " + action + " is delivered", () -> "delivered".equals(dispatchStatus(action)));
		}
		for (UUID action : actions) {
			assertThat(emailsFor(action)).as("emails for " + action).hasSize(1);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? AND event = ?",
					Integer.class, action, AuditEvents.DISPATCH_FAILED)).isZero();
		}
	}

	@Test
	void emailsInARowShareAConnectionAndOneTheServerDroppedIsReplacedWithinTheSameAttempt() throws Exception {
		int connectionsBefore = proxy.connections();
		for (int i = 0; i < 3; i++) {
			UUID action = actionOf(start("Reuse question " + i + "?", "ann@reuse.example")).getId();
			awaitTrue("the dispatch of " + action + " is delivered", () -> "delivered".equals(dispatchStatus(action)));
		}
		assertThat(proxy.connections()).as("connections opened for three emails in a row")
			.isLessThanOrEqualTo(connectionsBefore + 1);

		proxy.dropAll();
		UUID action = actionOf(start("After the drop?", "ann@reuse.example")).getId();

		awaitTrue("the dispatch of " + action + " is delivered", () -> "delivered".equals(dispatchStatus(action)));
		assertThat(emailsFor(action)).hasSize(1);
		assertThat(this.jdbc.queryForMap("SELECT attempts, last_error FROM action_dispatch WHERE action_id = ?", action))
			.as("delivered at the first attempt")
			.containsEntry("attempts", 1)
			.containsEntry("last_error", null);
	}

	private ProcessInstance start(String question, String to) {
		String key = deploy(waitingAfter(hilTask(key("outbox"), question, "email")
			.camundaInputParameter("to", to)
			.camundaInputParameter("expectedResponse", "Approve,Reject")));
		return this.runtime.startProcessInstanceByKey(key);
	}

	private String dispatchStatus(UUID action) {
		return this.jdbc.queryForObject("SELECT status FROM action_dispatch WHERE action_id = ?", String.class, action);
	}

	private static List<MimeMessage> emailsFor(UUID action) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (header(message, EmailChannel.ACTION_ID_HEADER).contains(action.toString())) {
				found.add(message);
			}
		}
		return found;
	}

	private static MimeMessage awaitEmailFor(UUID action) throws Exception {
		awaitTrue("an email for action " + action, () -> {
			try {
				return !emailsFor(action).isEmpty();
			}
			catch (Exception ex) {
				return false;
			}
		});
		return emailsFor(action).get(0);
	}

	private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("gave up waiting for " + what);
			}
			Thread.sleep(100);
		}
	}

}
