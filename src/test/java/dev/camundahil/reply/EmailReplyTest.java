package dev.camundahil.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies sent by a real mail client library through GreenMail's SMTP server, read back over IMAP: they answer
 * the action they reply to, and only when they should.
 */
@PostgresTest
class EmailReplyTest {

	static final GreenMail mail = ReplyMailServer.started();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		ReplyMailServer.register(registry, mail);
		registry.add("hil.mail.inbound.max-attempts", () -> "3");
		// limits small enough for short test messages to pass them
		registry.add("hil.security.max-response-value-size", () -> "1KB");
		registry.add("hil.security.max-email-body-size", () -> "16KB");
		registry.add("hil.security.max-attachment-size", () -> "4KB");
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	ActionService actionRequests;

	@Autowired
	ActionService actions;

	@Autowired
	MailboxPoller poller;

	@Autowired
	@Qualifier("hilReminders")
	RecurringWork reminders;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	String key;

	@BeforeEach
	void deploy() throws Exception {
		this.key = HilProcesses.key("reply");
		this.repository.createDeployment()
			.addModelInstance(this.key + ".bpmn",
					HilProcesses.waitingAfter(HilProcesses.hilTask(this.key, "Approve order 7?", "email")
						.camundaInputParameter("to", "Ann Example <Ann@Example.com>")
						.camundaInputParameter("cc", "bob@example.com")
						.camundaInputParameter("expectedResponse", "Approve,Reject")))
			.deploy();
		drainMailbox();
	}

	@Test
	void aTopPostedReplyCompletesTheActionAndResumesTheInstance() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);

		send(reply(original, "ann@example.com", "Approve\n\nOn Wed, Nov 25, 2026 at 10:02 AM HIL <hil@localhost> wrote:\n> "
				+ "Approve order 7?\n> Approve | Reject\n"));
		this.poller.sweep();

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@example.com");
		assertThat(auditEvents(instance)).contains("completed", AuditEvents.REPLY_ACCEPTED);
		assertThat(this.jdbc.queryForObject("SELECT data->>'messageId' FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, actionOf(instance).getId(), AuditEvents.REPLY_ACCEPTED))
			.isNotBlank();
	}

	@Test
	void underAQuorumAReplyIsItsSendersVoteAndTheSecondEqualVoteDecides() throws Exception {
		String quorum = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("replyVotes"), "Approve order 9?", "email")
					.camundaInputParameter("to", "Ann Example <Ann@Example.com>")
					.camundaInputParameter("cc", "bob@example.com")
					.camundaInputParameter("expectedResponse", "Approve,Reject")
					.camundaInputParameter("approval", "quorum:2")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(quorum);
		UUID action = actionOf(instance).getId();
		MimeMessage original = sentTo("ann@example.com", instance);

		send(reply(original, "ann@example.com", "Reject\n"));
		this.poller.sweep();

		assertThat(this.actions.find(action).getVotes()).extracting((vote) -> vote.by() + ":" + vote.value() + ":"
				+ vote.channel())
			.containsExactly("Ann@Example.com:Reject:email");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		// a second reply from her changes nothing, and she is told that her first vote stands
		MimeMessage again = reply(original, "ann@example.com", "Approve\n");
		send(again);
		this.poller.sweep();
		assertThat(this.actions.find(action).getVotes()).hasSize(1);
		assertThat(outcomeOf(again)).isEqualTo("rejected");
		assertThat((String) noticeAbout(again).getContent()).contains("already voted \"Reject\"");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM action_audit WHERE action_id = ? AND event = 'reply_late'", Integer.class, action))
			.as("the action still waits: nothing about it is late").isZero();
		this.actions.respond(action, new dev.camundahil.action.ResponseCommand("reject", "bob@example.com", "tests",
				"api", null));

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("bob@example.com");
		assertThat(this.runtime.getVariable(instance.getId(), "hilDecided")).isEqualTo(true);
	}

	@Test
	void aReminderJoinsTheThreadOfTheRequestAndAReplyToItAnswers() throws Exception {
		String reminded = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("reminded"), "Approve order 8?", "email")
					.camundaInputParameter("to", "ann@example.com")
					.camundaInputParameter("expectedResponse", "Approve,Reject")
					.camundaInputParameter("reminder", "PT1S")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(reminded);
		UUID action = actionOf(instance).getId();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.reminders.sweep();
			return dispatchedMessageId(action, "reminder") != null;
		});
		String requestId = dispatchedMessageId(action, "request");
		MimeMessage reminder = receivedByAnn(dispatchedMessageId(action, "reminder"));

		assertThat(reminder.getSubject()).startsWith("Reminder: ");
		assertThat(reminder.getHeader("In-Reply-To")).containsExactly(requestId);
		assertThat(reminder.getHeader("References")).containsExactly(requestId);

		// a reply to the reminder, with a subject of its own: only its In-Reply-To leads to the action
		MimeMessage reply = reply(reminder, "ann@example.com", "Approve");
		reply.setSubject("Re: the order");
		send(reply);
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(auditEvents(instance)).contains(AuditEvents.REPLY_ACCEPTED);
	}

	@Test
	void anHtmlOnlyReplyFromACcRecipient() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		MimeMessage reply = reply(original, "Bob <BOB@example.com>", null);
		reply.setContent("<div>reject.</div><blockquote class=\"gmail_quote\">Approve order 7?</blockquote>",
				"text/html; charset=UTF-8");

		send(reply);
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("bob@example.com");
	}

	@Test
	void aReplyThatOnlyChangesTheSignatureIsRejectedAndTheSenderGetsTheOptions() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);

		send(reply(original, "ann@example.com", "\n-- \nAnn, new phone +1 555 0100\n\n> Approve order 7?\n"));
		this.poller.sweep();

		assertThat(actionOf(instance).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(auditEvents(instance)).contains(AuditEvents.REPLY_REJECTED);
		MimeMessage options = awaitMessageTo("ann@example.com", "could not be read");
		assertThat(options.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat((String) options.getContent()).contains("Approve").contains("Reject");
	}

	@Test
	void aReplyFromSomeoneWhoWasNotAddressedIsRejected() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);

		send(reply(original, "mallory@example.com", "Approve"));
		this.poller.sweep();

		assertThat(actionOf(instance).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.jdbc.queryForObject(
				"SELECT data->>'reason' FROM action_audit WHERE action_id = ? AND event = 'reply_rejected'",
				String.class, actionOf(instance).getId()))
			.contains("not one of the addressed recipients");
	}

	@Test
	void afterAReassignmentTheNewRecipientsReplyAnswersAndTheRemovedOneIsToldWhereItWent() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		this.actions.reassign(actionOf(instance).getId(), new dev.camundahil.action.Reassignment(
				List.of("ann@example.com"), List.of("erin@example.com"), "Ann is away", "clerk", false));

		MimeMessage fromAnn = reply(original, "ann@example.com", "Approve");
		send(fromAnn);
		this.poller.sweep();
		assertThat(actionOf(instance).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.jdbc.queryForObject(
				"SELECT data->>'reason' FROM action_audit WHERE action_id = ? AND event = 'reply_rejected'",
				String.class, actionOf(instance).getId()))
			.contains("passed the action on");
		assertThat((String) noticeAbout(fromAnn).getContent()).as("Ann is told where the question went")
			.contains("this question was passed to erin@example.com on");

		send(reply(original, "Erin <erin@example.com>", "Reject"));
		this.poller.sweep();
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("erin@example.com");
	}

	@Test
	void autoRepliesAreNeverAnswers() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		MimeMessage outOfOffice = reply(original, "ann@example.com", "Approve\n\nI am out of office until Monday.");
		outOfOffice.setHeader("Auto-Submitted", "auto-replied");

		send(outOfOffice);
		this.poller.sweep();

		assertThat(actionOf(instance).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(auditEvents(instance)).contains(AuditEvents.REPLY_IGNORED);
		assertThat(mail.getReceivedMessagesForDomain("example.com")).noneMatch((message) -> subjectOf(message)
			.contains("could not be read"));
	}

	@Test
	void aLateReplyChangesNothing() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		this.actions.respond(actionOf(instance).getId(), ResponseCommand.of("Reject", "api-user"));

		send(reply(original, "ann@example.com", "Approve"));
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(auditEvents(instance)).contains(AuditEvents.REPLY_LATE);
	}

	@Test
	void aLateReplyIsToldOnceInItsThreadWhoAnsweredWhatAndWhen() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		UUID action = actionOf(instance).getId();
		this.actions.respond(action, ResponseCommand.of("Reject", "bob@example.com"));

		MimeMessage late = reply(original, "ann@example.com", "Approve");
		send(late);
		this.poller.sweep();

		MimeMessage notice = noticeAbout(late);
		assertThat(notice.getAllRecipients()).extracting(String::valueOf).containsExactly("ann@example.com");
		assertThat(notice.getSubject()).isEqualTo(late.getSubject());
		assertThat(notice.getHeader("References")[0]).contains(original.getMessageID()).contains(late.getMessageID());
		assertThat(notice.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat(String.valueOf(notice.getContent())).contains("already closed")
			.contains("Answered \"Reject\" by bob@example.com on ")
			.contains("UTC")
			.contains("Approve order 7?");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");

		MimeMessage again = reply(original, "ann@example.com", "Approve, really");
		send(again);
		this.poller.sweep();

		assertThat(auditEvents(instance)).filteredOn(AuditEvents.REPLY_LATE::equals).hasSize(2);
		assertThat(answersTo(again)).as("one notice per sender and action").isEmpty();
		assertThat(this.jdbc.queryForList("SELECT sent_at FROM action_late_reply_notice WHERE action_id = ?",
				java.sql.Timestamp.class, action)).hasSize(1).doesNotContainNull();
	}

	@Test
	void anAutoReplyToAClosedActionIsNeverAnswered() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		this.actions.cancel(actionOf(instance).getId(), "not needed", "tests");
		MimeMessage outOfOffice = reply(original, "ann@example.com", "I am out of office until Monday.");
		outOfOffice.setHeader("Auto-Submitted", "auto-replied");

		send(outOfOffice);
		this.poller.sweep();

		assertThat(auditEvents(instance)).contains(AuditEvents.REPLY_IGNORED);
		assertThat(answersTo(outOfOffice)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_late_reply_notice WHERE action_id = ?",
				Integer.class, actionOf(instance).getId())).isZero();
	}

	@Test
	void aLateReplyToAGermanQuestionThatExpiredIsToldInGermanInItsTimeZone() throws Exception {
		String german = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("replyDe"), "Bestellung 9 freigeben?", "email")
					.camundaInputParameter("to", "ann@example.com")
					.camundaInputParameter("expectedResponse", "Freigeben,Ablehnen")
					.camundaInputParameter("locale", "${'de'}")
					.camundaInputParameter("timeZone", "Europe/Berlin")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(german);
		MimeMessage original = sentTo("ann@example.com", instance);
		assertThat(String.valueOf(partsText((MimeMultipart) original.getContent()))).contains("Bitte antworten Sie bis");
		this.actions.expire(actionOf(instance).getId());

		MimeMessage late = reply(original, "ann@example.com", "Freigeben");
		send(late);
		this.poller.sweep();

		assertThat(String.valueOf(noticeAbout(late).getContent())).contains("Vielen Dank für Ihre Antwort")
			.contains("Abgelaufen am")
			.containsAnyOf("MEZ", "MESZ", "CET", "CEST");
	}

	@Test
	void theTextAfterTheOptionIsTheComment() throws Exception {
		ProcessInstance sameLine = start();
		ProcessInstance nextLine = start();
		send(reply(sentTo("ann@example.com", sameLine), "ann@example.com", "Reject - too expensive!\n\n> Approve order 7?"));
		send(reply(sentTo("ann@example.com", nextLine), "ann@example.com", "approve\nShip it with the next truck.\n"));
		this.poller.sweep();

		assertThat(this.runtime.getVariable(sameLine.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(sameLine.getId(), "hilComment")).isEqualTo("too expensive!");
		assertThat(this.runtime.getVariable(nextLine.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(nextLine.getId(), "hilComment")).isEqualTo("Ship it with the next truck.");
		assertThat(actionOf(nextLine).getComment()).isEqualTo("Ship it with the next truck.");
	}

	@Test
	void theSameMessageSeenTwiceIsHandledOnce() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		String messageId = "<twice-" + UUID.randomUUID() + "@example.com>";
		// Transport.send gives a message a new Message-ID each time unless the message keeps its own
		MimeMessage reply = new MimeMessage(reply(original, "ann@example.com", "Approve")) {

			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", messageId);
			}

		};

		Transport.send(reply);
		Transport.send(reply);
		this.poller.sweep();
		this.poller.sweep();

		assertThat(auditEvents(instance).stream().filter(AuditEvents.REPLY_ACCEPTED::equals)).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_inbound_mail WHERE message_id = ?",
				Integer.class, messageId.replaceAll("[<>]", "")))
			.isEqualTo(1);
	}

	@Test
	void aPollInterruptedMidBatchLosesAndRepeatsNothing() throws Exception {
		ProcessInstance first = start();
		ProcessInstance second = start();
		sendApproveAndReject(first, second);
		// a poll that died after handling the first message but before recording how far it had read
		this.poller.sweep();
		this.jdbc.update("UPDATE action_inbound_mailbox SET last_uid = 0");

		this.poller.sweep();

		assertApprovedAndRejected(first, second);
		assertThat(auditEvents(first).stream().filter(AuditEvents.REPLY_ACCEPTED::equals)).hasSize(1);
		assertThat(auditEvents(second).stream().filter(AuditEvents.REPLY_ACCEPTED::equals)).hasSize(1);
	}

	@Test
	void repliesToOneActionCountInMailboxOrderWhileOthersAreHandledSideBySide() throws Exception {
		ProcessInstance twice = start();
		List<ProcessInstance> others = List.of(start(), start(), start(), start(), start());
		MimeMessage original = sentTo("ann@example.com", twice);
		send(reply(original, "ann@example.com", "Reject"));
		for (ProcessInstance other : others) {
			send(reply(sentTo("ann@example.com", other), "ann@example.com", "Approve"));
		}
		send(reply(original, "bob@example.com", "Approve"));

		assertThat(this.poller.sweep()).isEqualTo(7);

		assertThat(this.runtime.getVariable(twice.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(twice.getId(), "hilRespondedBy")).isEqualTo("ann@example.com");
		assertThat(auditEvents(twice)).containsOnlyOnce(AuditEvents.REPLY_ACCEPTED).contains(AuditEvents.REPLY_LATE);
		for (ProcessInstance other : others) {
			assertThat(this.runtime.getVariable(other.getId(), "hilResponse")).isEqualTo("Approve");
		}
		assertThat(this.poller.sweep()).as("the batch is recorded as read").isZero();
	}

	@Test
	void aBacklogIsReadBatchAfterBatchOnTheConnectionTheFirstBatchOpened() throws Exception {
		ProcessInstance first = start();
		ProcessInstance second = start();
		sendApproveAndReject(first, second);
		MailboxPoller poller = pollerOfOneMessageABatch();

		try {
			assertThat(poller.sweep()).isEqualTo(1);
			assertThat(poller.isConnected()).as("kept open for the next batch").isTrue();
			assertThat(poller.sweep()).isEqualTo(1);
			assertThat(poller.sweep()).isZero();
			assertThat(poller.isConnected()).as("closed once the backlog is read").isFalse();
		}
		finally {
			poller.destroy();
		}
		assertApprovedAndRejected(first, second);
	}

	@Test
	void anOversizedAnswerIsRejectedAndTheReplyBehindItIsAnsweredInTheSamePoll() throws Exception {
		String freeText = HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(
				HilProcesses.hilTask(HilProcesses.key("replyFree"), "Why?", "email").camundaInputParameter("to", "ann@example.com")));
		ProcessInstance oversized = this.runtime.startProcessInstanceByKey(freeText);
		ProcessInstance good = start();
		MimeMessage tooLong = reply(sentTo("ann@example.com", oversized), "ann@example.com", "because ".repeat(200));
		send(tooLong);
		send(reply(sentTo("ann@example.com", good), "ann@example.com", "Approve"));

		assertThat(this.poller.sweep()).isEqualTo(2);

		assertThat(this.runtime.getVariable(good.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(actionOf(oversized).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(reason(actionOf(oversized).getId(), AuditEvents.REPLY_REJECTED)).contains("at most 1024");
		assertThat(outcomeOf(tooLong)).isEqualTo("rejected");
		MimeMessage notice = noticeAbout(tooLong);
		assertThat(notice.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat((String) notice.getContent()).contains("at most 1024");
		assertThat(this.poller.sweep()).as("the mailbox position has passed both").isZero();
	}

	@Test
	void repliesOverTheEmailBodyOrAttachmentLimitAreRejectedUnread() throws Exception {
		ProcessInstance longBody = start();
		ProcessInstance bigAttachment = start();
		MimeMessage tooLong = reply(sentTo("ann@example.com", longBody), "ann@example.com",
				"Approve\n\n" + "I have read the order carefully. ".repeat(600));
		MimeMessage tooBig = reply(sentTo("ann@example.com", bigAttachment), "ann@example.com", null);
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Approve", "UTF-8");
		MimeBodyPart attachment = new MimeBodyPart();
		attachment.setContent(new byte[6000], "application/octet-stream");
		attachment.setFileName("scan.bin");
		attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
		tooBig.setContent(new MimeMultipart(text, attachment));
		send(tooLong);
		send(tooBig);

		this.poller.sweep();

		assertThat(actionOf(longBody).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(actionOf(bigAttachment).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(reason(actionOf(longBody).getId(), AuditEvents.REPLY_REJECTED)).contains("text").contains("16384");
		assertThat(reason(actionOf(bigAttachment).getId(), AuditEvents.REPLY_REJECTED)).contains("scan.bin")
			.contains("4096");
		assertThat((String) noticeAbout(tooLong).getContent()).contains("16384");
		assertThat((String) noticeAbout(tooBig).getContent()).contains("scan.bin");
	}

	@Test
	void aReplyWhoseProcessFailsAfterTheAnswerIsAppliedAndTheReplyBehindItToo() throws Exception {
		String failingKey = HilProcesses.deploy(this.repository,
				HilProcesses.failingAfter(HilProcesses.hilTask(HilProcesses.key("replyFailing"), "Ship?", "email")
					.camundaInputParameter("to", "ann@example.com")
					.camundaInputParameter("expectedResponse", "Approve,Reject")));
		ProcessInstance failing = this.runtime.startProcessInstanceByKey(failingKey, Map.of("broken", true));
		ProcessInstance good = start();
		MimeMessage answer = reply(sentTo("ann@example.com", failing), "ann@example.com", "Approve");
		send(answer);
		send(reply(sentTo("ann@example.com", good), "ann@example.com", "Reject"));

		assertThat(this.poller.sweep()).isEqualTo(2);

		assertThat(this.runtime.getVariable(good.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(actionOf(failing).getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(auditEvents(failing)).contains("completed", "resume_failed", AuditEvents.REPLY_ACCEPTED);
		assertThat(outcomeOf(answer)).isEqualTo("applied");
		Incident incident = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.createIncidentQuery().processInstanceId(failing.getId()).singleResult(),
					Objects::nonNull);
		assertThat(incident.getIncidentMessage()).contains("noSuchBean");

		this.runtime.setVariable(failing.getId(), "broken", false);
		this.management.setJobRetries(incident.getConfiguration(), 1);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.getActiveActivityIds(failing.getId()).equals(List.of("after")));
		assertThat(this.runtime.getVariable(failing.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(failing.getId(), "hilRespondedBy")).isEqualTo("ann@example.com");
		assertThat(this.poller.sweep()).isZero();
	}

	@Test
	void aReplyThatFailsIsTriedAgainAtLaterPollsAndThenLeftFailed() throws Exception {
		ProcessInstance failing = start();
		ProcessInstance good = start();
		UUID failingAction = actionOf(failing).getId();
		MimeMessage answer = reply(sentTo("ann@example.com", failing), "ann@example.com", "Approve");
		send(answer);
		send(reply(sentTo("ann@example.com", good), "ann@example.com", "Approve"));
		refuseAudit(failingAction, AuditEvents.REPLY_ACCEPTED);
		try {
			this.poller.sweep();

			assertThat(this.runtime.getVariable(good.getId(), "hilResponse")).as("answered in the same poll")
				.isEqualTo("Approve");
			assertThat(outcomeOf(answer)).isEqualTo("failed");
			assertThat(attemptsOf(answer)).isEqualTo(1);
			this.poller.sweep();
			this.poller.sweep();
			assertThat(attemptsOf(answer)).isEqualTo(3);
			this.poller.sweep();
		}
		finally {
			allowAudits();
		}
		this.poller.sweep();

		assertThat(attemptsOf(answer)).as("not tried after hil.mail.inbound.max-attempts").isEqualTo(3);
		assertThat(outcomeOf(answer)).isEqualTo("failed");
		assertThat(this.jdbc.queryForObject("SELECT error FROM action_inbound_mail WHERE message_id = ?", String.class,
				idOf(answer)))
			.contains("refused by the test");
		assertThat(this.jdbc.queryForList("SELECT data->>'reason' FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, failingAction, AuditEvents.REPLY_FAILED))
			.hasSize(3)
			.allMatch((reason) -> reason.contains("refused by the test"));
		assertThat(actionOf(failing).getStatus()).isEqualTo(ActionStatus.PENDING);
	}

	@Test
	void aFailedReplyIsAppliedAtTheNextPollOnceItsFaultIsGone() throws Exception {
		ProcessInstance instance = start();
		MimeMessage answer = reply(sentTo("ann@example.com", instance), "ann@example.com", "Reject");
		send(answer);
		refuseAudit(actionOf(instance).getId(), AuditEvents.REPLY_ACCEPTED);
		try {
			this.poller.sweep();
		}
		finally {
			allowAudits();
		}
		assertThat(outcomeOf(answer)).isEqualTo("failed");

		this.poller.sweep();

		assertThat(outcomeOf(answer)).isEqualTo("applied");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(auditEvents(instance)).containsOnlyOnce(AuditEvents.REPLY_FAILED, AuditEvents.REPLY_ACCEPTED);
	}

	@Test
	void aFailedReplyIsTriedOncePerPollNotInEveryReadOfABacklog() throws Exception {
		ProcessInstance failing = start();
		ProcessInstance first = start();
		ProcessInstance second = start();
		MimeMessage answer = reply(sentTo("ann@example.com", failing), "ann@example.com", "Approve");
		send(answer);
		sendApproveAndReject(first, second);
		MailboxPoller oneAtATime = pollerOfOneMessageABatch();
		refuseAudit(actionOf(failing).getId(), AuditEvents.REPLY_ACCEPTED);
		try {
			assertThat(oneAtATime.sweep()).isEqualTo(1);
			assertThat(oneAtATime.sweep()).as("the backlog, read at once").isEqualTo(1);
			assertThat(oneAtATime.sweep()).isEqualTo(1);
			assertThat(oneAtATime.sweep()).as("the backlog is read").isZero();
			assertThat(attemptsOf(answer)).as("not tried again while the backlog was read").isEqualTo(1);

			oneAtATime.sweep();

			assertThat(attemptsOf(answer)).as("tried again at the next poll").isEqualTo(2);
		}
		finally {
			allowAudits();
			oneAtATime.destroy();
		}
		assertApprovedAndRejected(first, second);
	}

	/** The database refuses audit entries of this event for this action, as a failing database would. */
	private void refuseAudit(UUID actionId, String event) {
		this.jdbc.execute("CREATE OR REPLACE FUNCTION hil_test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
				+ "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
		this.jdbc.execute("CREATE TRIGGER hil_test_refuse BEFORE INSERT ON action_audit FOR EACH ROW WHEN (NEW.event = '"
				+ event + "' AND NEW.action_id = '" + actionId + "') EXECUTE FUNCTION hil_test_refuse()");
	}

	private void allowAudits() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS hil_test_refuse ON action_audit");
	}

	private String reason(UUID actionId, String event) {
		return this.jdbc.queryForObject("SELECT data->>'reason' FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, actionId, event);
	}

	private String outcomeOf(MimeMessage reply) {
		return this.jdbc.queryForObject("SELECT outcome FROM action_inbound_mail WHERE message_id = ?", String.class,
				idOf(reply));
	}

	private int attemptsOf(MimeMessage reply) {
		return this.jdbc.queryForObject("SELECT attempts FROM action_inbound_mail WHERE message_id = ?", Integer.class,
				idOf(reply));
	}

	private static String idOf(MimeMessage message) {
		try {
			return message.getMessageID().replaceAll("[<>]", "");
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The short message its sender got in answer to a reply. */
	private MimeMessage noticeAbout(MimeMessage reply) throws Exception {
		String replyId = reply.getMessageID();
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (MimeMessage message : mail.getReceivedMessages()) {
				String[] inReplyTo = message.getHeader("In-Reply-To");
				if (inReplyTo != null && inReplyTo[0].equals(replyId)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no answer to reply " + replyId);
	}

	/** The messages sent in answer to a reply, right now. */
	private static List<MimeMessage> answersTo(MimeMessage reply) throws Exception {
		String replyId = reply.getMessageID();
		List<MimeMessage> answers = new java.util.ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			String[] inReplyTo = message.getHeader("In-Reply-To");
			if (inReplyTo != null && inReplyTo[0].equals(replyId)) {
				answers.add(message);
			}
		}
		return answers;
	}

	/** A poller like the application's that reads one message a batch. */
	private MailboxPoller pollerOfOneMessageABatch() {
		InboundMailProperties oneAtATime = new InboundMailProperties();
		org.springframework.beans.BeanUtils.copyProperties(this.context.getBean(InboundMailProperties.class),
				oneAtATime);
		oneAtATime.setBatchSize(1);
		return new MailboxPoller(oneAtATime, new InboundLedger(this.jdbc), this.poller.handler(), null,
				this.poller.limits());
	}

	/** Ann's replies: Approve to the first instance's email, then Reject to the second's. */
	private void sendApproveAndReject(ProcessInstance first, ProcessInstance second) throws Exception {
		send(reply(sentTo("ann@example.com", first), "ann@example.com", "Approve"));
		send(reply(sentTo("ann@example.com", second), "ann@example.com", "Reject"));
	}

	private void assertApprovedAndRejected(ProcessInstance first, ProcessInstance second) {
		assertThat(this.runtime.getVariable(first.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(second.getId(), "hilResponse")).isEqualTo("Reject");
	}

	private ProcessInstance start() {
		return this.runtime.startProcessInstanceByKey(this.key, Map.of());
	}

	private ActionRequest actionOf(ProcessInstance instance) {
		return this.actionRequests.findByProcessInstanceId(instance.getId())
			.stream()
			.findFirst()
			.orElseThrow();
	}

	private List<String> auditEvents(ProcessInstance instance) {
		return this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ? ORDER BY timestamp",
				String.class, actionOf(instance).getId());
	}

	/** The Message-ID recorded for an action's delivered request or reminder, or null while there is none. */
	private String dispatchedMessageId(UUID action, String purpose) {
		return this.jdbc.queryForList("SELECT message_id FROM action_dispatch WHERE action_id = ? AND purpose = ? "
				+ "AND status = 'delivered'", String.class, action, purpose).stream().findFirst().orElse(null);
	}

	/** Ann's copy of the message with this Message-ID. */
	private MimeMessage receivedByAnn(String messageId) throws Exception {
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (messageId.equals(message.getMessageID()) && isTo(message, "ann@example.com")) {
				return message;
			}
		}
		throw new AssertionError("no message " + messageId + " to ann@example.com");
	}

	/** The email the channel sent to a recipient for this instance's action. */
	private MimeMessage sentTo(String recipient, ProcessInstance instance) throws Exception {
		String actionId = actionOf(instance).getId().toString();
		long deadline = System.currentTimeMillis() + Duration.ofSeconds(20).toMillis();
		while (System.currentTimeMillis() < deadline) {
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (isTo(message, recipient) && String.valueOf(message.getContent() instanceof MimeMultipart
						? partsText((MimeMultipart) message.getContent()) : message.getContent()).contains(actionId)
						|| isTo(message, recipient) && sentFor(message, actionId)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no email to " + recipient + " for action " + actionId);
	}

	private boolean sentFor(MimeMessage message, String actionId) throws Exception {
		String messageId = message.getMessageID();
		List<String> ids = this.jdbc.queryForList("SELECT action_id::text FROM action_dispatch WHERE message_id IN (?, ?)",
				String.class, messageId, messageId.replaceAll("[<>]", ""));
		return ids.contains(actionId);
	}

	private MimeMessage awaitMessageTo(String recipient, String subjectPart) throws Exception {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (isTo(message, recipient) && String.valueOf(message.getContent()).contains(subjectPart)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no message to " + recipient + " containing " + subjectPart);
	}

	private static boolean isTo(MimeMessage message, String recipient) throws Exception {
		return message.getAllRecipients() != null && java.util.Arrays.stream(message.getAllRecipients())
			.anyMatch((address) -> ((InternetAddress) address).getAddress().equalsIgnoreCase(recipient));
	}

	private static String partsText(MimeMultipart multipart) throws Exception {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < multipart.getCount(); i++) {
			Object content = multipart.getBodyPart(i).getContent();
			text.append(content instanceof MimeMultipart nested ? partsText(nested) : String.valueOf(content));
		}
		return text.toString();
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (Exception ex) {
			return "";
		}
	}

	/** A reply as mail clients write it: Re: subject, In-Reply-To and References of the original. */
	private MimeMessage reply(MimeMessage original, String from, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
		MimeMessage reply = new MimeMessage(Session.getInstance(properties));
		reply.setFrom(new InternetAddress(from));
		reply.setRecipients(Message.RecipientType.TO, original.getReplyTo());
		reply.setSubject("Re: " + original.getSubject());
		reply.setHeader("In-Reply-To", original.getMessageID());
		reply.setHeader("References", original.getMessageID());
		if (text != null) {
			reply.setText(text, "UTF-8");
		}
		return reply;
	}

	private static void send(MimeMessage message) throws Exception {
		Transport.send(message);
	}

	/** Marks everything already in the mailbox as read, so each test sees only its own replies. */
	private void drainMailbox() {
		this.poller.sweep();
	}


}
