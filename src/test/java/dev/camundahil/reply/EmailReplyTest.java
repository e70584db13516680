package dev.camundahil.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionRequestRepository;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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

	static final GreenMail mail = new GreenMail(new ServerSetup[] { ServerSetup.SMTP.dynamicPort(),
			ServerSetup.IMAP.dynamicPort() });

	static {
		mail.start();
		mail.setUser("hil@localhost", "hil@localhost", "secret");
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("hil.mail.from", () -> "hil@localhost");
		registry.add("hil.mail.reply-to", () -> "hil@localhost");
		registry.add("hil.mail.inbound.host", () -> "127.0.0.1");
		registry.add("hil.mail.inbound.port", () -> mail.getImap().getPort());
		registry.add("hil.mail.inbound.username", () -> "hil@localhost");
		registry.add("hil.mail.inbound.password", () -> "secret");
		// the tests read the mailbox themselves, one poll at a time
		registry.add("hil.mail.inbound.poll-interval", () -> "1h");
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
	ActionRequestRepository actionRequests;

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
		assertThat(auditEvents(instance)).contains("completed", ReplyHandler.REPLY_ACCEPTED);
		assertThat(this.jdbc.queryForObject("SELECT data->>'messageId' FROM action_audit WHERE action_id = ? AND event = ?",
				String.class, actionOf(instance).getId(), ReplyHandler.REPLY_ACCEPTED))
			.isNotBlank();
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
		assertThat(auditEvents(instance)).contains(ReplyHandler.REPLY_ACCEPTED);
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
		assertThat(auditEvents(instance)).contains(ReplyHandler.REPLY_REJECTED);
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
	void autoRepliesAreNeverAnswers() throws Exception {
		ProcessInstance instance = start();
		MimeMessage original = sentTo("ann@example.com", instance);
		MimeMessage outOfOffice = reply(original, "ann@example.com", "Approve\n\nI am out of office until Monday.");
		outOfOffice.setHeader("Auto-Submitted", "auto-replied");

		send(outOfOffice);
		this.poller.sweep();

		assertThat(actionOf(instance).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(auditEvents(instance)).contains(ReplyHandler.REPLY_IGNORED);
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
		assertThat(auditEvents(instance)).contains(ReplyHandler.REPLY_LATE);
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

		assertThat(auditEvents(instance).stream().filter(ReplyHandler.REPLY_ACCEPTED::equals)).hasSize(1);
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
		assertThat(auditEvents(first).stream().filter(ReplyHandler.REPLY_ACCEPTED::equals)).hasSize(1);
		assertThat(auditEvents(second).stream().filter(ReplyHandler.REPLY_ACCEPTED::equals)).hasSize(1);
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
		assertThat(auditEvents(twice)).containsOnlyOnce(ReplyHandler.REPLY_ACCEPTED).contains(ReplyHandler.REPLY_LATE);
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
		InboundMailProperties oneAtATime = new InboundMailProperties();
		org.springframework.beans.BeanUtils.copyProperties(this.context.getBean(InboundMailProperties.class),
				oneAtATime);
		oneAtATime.setBatchSize(1);
		MailboxPoller poller = new MailboxPoller(oneAtATime, new InboundLedger(this.jdbc),
				this.context.getBean(MailboxPoller.class).handler(), null);

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
