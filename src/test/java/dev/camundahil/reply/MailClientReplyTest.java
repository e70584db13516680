package dev.camundahil.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies as mail clients write them, delivered raw into the reply mailbox and read over IMAP: each finds its
 * action by its thread or subject and answers it, or its sender is told how to answer.
 */
@PostgresTest
class MailClientReplyTest {

	static final GreenMail mail = ReplyMailServer.started();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		ReplyMailServer.register(registry, mail);
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
	ActionService actions;

	@Autowired
	MailboxPoller poller;

	@Autowired
	JdbcTemplate jdbc;

	String key;

	@BeforeEach
	void deploy() {
		this.key = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("clientReply"), "Approve order 7?", "email")
					.camundaInputParameter("to", "Ann Example <ann@example.com>")
					.camundaInputParameter("expectedResponse", "Approve,Reject")));
		this.poller.sweep();
	}

	@Test
	void anOutlookReplyInWindows1252WithAnEncodedSubjectAnswersWithItsComment() throws Exception {
		ProcessInstance instance = start();
		Sent sent = sentFor(instance);

		deliver(sent, """
				From: Ann Example <ann@example.com>
				To: hil@localhost
				Subject: =?Windows-1252?Q?AW:_Approve_order_7=3F_[HIL-{action}]?=
				Message-ID: <{reply}>
				In-Reply-To: <{request}>
				References: <{request}>
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="_000_"

				--_000_
				Content-Type: text/plain; charset="Windows-1252"
				Content-Transfer-Encoding: quoted-printable

				Reject =96 the supplier=92s price is too high.

				Von: Order Desk <hil@localhost>
				Gesendet: Mittwoch, 25. November 2026 10:02
				An: Ann Example <ann@example.com>
				Betreff: Approve order 7? [HIL-{action}]

				Approve order 7?

				--_000_
				Content-Type: text/html; charset="Windows-1252"
				Content-Transfer-Encoding: quoted-printable

				<html><body><p class=3DMsoNormal>Reject =96 the supplier=92s price is too high.</p></body></html>
				--_000_--
				""");
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment"))
			.isEqualTo("the supplier\u2019s price is too high.");
	}

	@Test
	void aReplyFindsItsActionByItsReferencesOrItsInReplyToOrItsEncodedSubject() throws Exception {
		ProcessInstance byReferences = start();
		ProcessInstance byInReplyTo = start();
		ProcessInstance bySubject = start();
		String reply = """
				From: ann@example.com
				To: hil@localhost
				Message-ID: <{reply}>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=utf-8

				Approve
				""";

		deliver(sentFor(byReferences), reply.replace("Message-ID:", """
				Subject: Re: Approve order 7? [HIL-{action}]
				References: <earlier@example.com>
				 <{request}>
				Message-ID:"""));
		deliver(sentFor(byInReplyTo), reply.replace("Message-ID:", """
				Subject: Re: the order
				In-Reply-To: <{request}>
				Message-ID:"""));
		Sent subjectOnly = sentFor(bySubject);
		deliver(subjectOnly, reply.replace("Message-ID:", "Subject: =?UTF-8?B?"
				+ Base64.getEncoder().encodeToString(("AW: Bestellung prüfen [HIL-" + subjectOnly.action() + "]")
					.getBytes(StandardCharsets.UTF_8))
				+ "?=\nMessage-ID:"));
		this.poller.sweep();

		for (ProcessInstance instance : List.of(byReferences, byInReplyTo, bySubject)) {
			assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		}
	}

	@Test
	void aThunderbirdReplyWrittenBelowTheQuoteAnswers() throws Exception {
		ProcessInstance instance = start();

		deliver(sentFor(instance), """
				From: Ann Example <ann@example.com>
				To: hil@localhost
				Subject: Re: Approve order 7? [HIL-{action}]
				Message-ID: <{reply}>
				In-Reply-To: <{request}>
				References: <{request}>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8; format=flowed
				Content-Transfer-Encoding: 8bit

				On 05.12.26 10:00, Order Desk wrote:
				> Approve order 7?

				Approve, but only the first pallet of the two that were\s
				offered.

				--\s
				Ann
				""");
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment"))
			.isEqualTo("but only the first pallet of the two that were offered.");
	}

	@Test
	void aGreetingAboveTheAnswerIsNoAnswerAndTheSenderIsToldToAnswerOnTheFirstLine() throws Exception {
		ProcessInstance instance = start();
		Sent sent = sentFor(instance);

		deliver(sent, """
				From: Ann Example <ann@example.com>
				To: hil@localhost
				Subject: Re: Approve order 7? [HIL-{action}]
				Message-ID: <{reply}>
				In-Reply-To: <{request}>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=utf-8

				Hi,

				Approve

				Ann
				""");
		this.poller.sweep();

		assertThat(this.actions.find(sent.action()).getStatus()).isEqualTo(ActionStatus.PENDING);
		MimeMessage notice = noticeAbout(sent.replyId());
		assertThat((String) notice.getContent()).contains("on the first line").contains("Approve").contains("Reject");
	}

	@Test
	void aReplyInACharsetJavaDoesNotKnowIsReadAllTheSame() throws Exception {
		ProcessInstance instance = start();
		Sent sent = sentFor(instance);

		deliver(sent, """
				From: ann@example.com
				To: hil@localhost
				Subject: Re: Approve order 7? [HIL-{action}]
				Message-ID: <{reply}>
				In-Reply-To: <{request}>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=unknown-8bit
				Content-Transfer-Encoding: 8bit

				Approve
				""");
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
	}

	@Test
	void aReplyWhoseBodyCannotBeReadIsRecordedAsFailedAndTriedAgainWithoutHoldingUpTheNext() throws Exception {
		ProcessInstance instance = start();
		Sent sent = sentFor(instance);
		String unreadable = """
				From: Ann Example <ann@example.com>
				To: hil@localhost
				Subject: Re: Approve order 7? [HIL-{action}]
				Message-ID: <{reply}>
				In-Reply-To: <{request}>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: x-garbled

				Approve
				""";

		deliver(sent, unreadable);
		this.poller.sweep();

		assertThat(this.jdbc.queryForMap("SELECT outcome, attempts, sender, error FROM action_inbound_mail "
				+ "WHERE message_id = ?", sent.replyId()))
			.containsEntry("outcome", "failed")
			.containsEntry("attempts", 1)
			.containsEntry("sender", "ann@example.com")
			.hasEntrySatisfying("error", (error) -> assertThat((String) error).contains("cannot be read")
				.contains("x-garbled"));
		assertThat(this.actions.find(sent.action()).getStatus()).isEqualTo(ActionStatus.PENDING);

		Sent next = new Sent(sent.action(), sent.requestId(), "reply-" + UUID.randomUUID() + "@example.com");
		deliver(next, unreadable.replace("Content-Transfer-Encoding: x-garbled\n", ""));
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.jdbc.queryForObject("SELECT attempts FROM action_inbound_mail WHERE message_id = ?",
				Integer.class, sent.replyId())).as("read again ahead of the new one").isEqualTo(2);
	}

	/** An email the channel sent, and the ids a reply to it carries. */
	record Sent(UUID action, String requestId, String replyId) {
	}

	private ProcessInstance start() {
		return this.runtime.startProcessInstanceByKey(this.key);
	}

	/** The action's email once sent, with a new id for a reply to it. */
	private Sent sentFor(ProcessInstance instance) {
		UUID action = this.actions.findByProcessInstanceId(instance.getId()).get(0).getId();
		String requestId = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.queryForList("SELECT message_id FROM action_dispatch WHERE action_id = ? AND status = 'delivered'",
						String.class, action)
				.stream()
				.findFirst()
				.orElse(null), Objects::nonNull);
		return new Sent(action, requestId.replaceAll("[<>]", ""), "reply-" + UUID.randomUUID() + "@example.com");
	}

	/** Puts a reply, written as raw RFC 822 text, into the reply mailbox as it is. */
	private static void deliver(Sent sent, String raw) throws Exception {
		String text = raw.replace("{action}", sent.action().toString())
			.replace("{request}", sent.requestId())
			.replace("{reply}", sent.replyId())
			.replace("\n", "\r\n");
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
		mail.getUserManager().getUser(ReplyMailServer.MAILBOX).deliver(message);
	}

	/** The message its sender got in answer to a reply. */
	private static MimeMessage noticeAbout(String replyId) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			for (MimeMessage message : mail.getReceivedMessages()) {
				String[] inReplyTo = message.getHeader("In-Reply-To");
				if (inReplyTo != null && inReplyTo[0].equals("<" + replyId + ">")
						&& ((InternetAddress) message.getAllRecipients()[0]).getAddress().equals("ann@example.com")) {
					return message;
				}
			}
			return null;
		}, Objects::nonNull);
	}

}
