package dev.camundahil.reply;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

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

/**
 * With {@code hil.mail.inbound.require-authenticated-sender}, replies sent through a real SMTP server and read back
 * over IMAP count only when the trusted receiving server's {@code Authentication-Results} vouch for their sender.
 */
@PostgresTest
class AuthenticatedReplyTest {

	static final GreenMail mail = ReplyMailServer.started();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		ReplyMailServer.register(registry, mail);
		registry.add("hil.mail.inbound.require-authenticated-sender", () -> "true");
		registry.add("hil.mail.inbound.trusted-authserv-ids", () -> "mx.example.com");
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
	MailboxPoller poller;

	@Autowired
	JdbcTemplate jdbc;

	String key;

	@BeforeEach
	void deploy() {
		this.key = HilProcesses.key("vouched");
		this.repository.createDeployment()
			.addModelInstance(this.key + ".bpmn",
					HilProcesses.waitingAfter(HilProcesses.hilTask(this.key, "Approve order 7?", "email")
						.camundaInputParameter("to", "ann@example.com")
						.camundaInputParameter("expectedResponse", "Approve,Reject")))
			.deploy();
		this.poller.sweep();
	}

	@Test
	void aReplyWithoutAuthenticationResultsIsRejectedWithTheReason() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(this.key);

		send(reply(instance, null));
		this.poller.sweep();

		assertPending(instance);
		assertThat(rejectionOf(instance)).contains("vouches for no sender");
	}

	@Test
	void aHeaderForgedUnderAnotherAuthservIdIsIgnored() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(this.key);

		send(reply(instance, "mx.forger.test; dmarc=pass header.from=example.com"));
		this.poller.sweep();

		assertPending(instance);
		assertThat(rejectionOf(instance)).contains("vouches for no sender");
	}

	@Test
	void aFailingResultIsRejected() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(this.key);

		send(reply(instance, "mx.example.com; spf=softfail; dmarc=fail (p=none) header.from=example.com"));
		this.poller.sweep();

		assertPending(instance);
		assertThat(rejectionOf(instance)).contains("dmarc=fail (example.com)");
	}

	@Test
	void aPassingResultAnswers() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(this.key);

		send(reply(instance, "mx.example.com; dkim=pass header.d=example.com header.s=s1; dmarc=pass header.from=example.com"));
		this.poller.sweep();

		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@example.com");
	}

	private void assertPending(ProcessInstance instance) {
		assertThat(this.jdbc.queryForObject("SELECT status FROM action_request WHERE id = ?", String.class,
				actionOf(instance))).isEqualTo("pending");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	private String rejectionOf(ProcessInstance instance) {
		return this.jdbc.queryForObject(
				"SELECT data->>'reason' FROM action_audit WHERE action_id = ? AND event = 'reply_rejected'",
				String.class, actionOf(instance));
	}

	private UUID actionOf(ProcessInstance instance) {
		return this.jdbc.queryForObject("SELECT id FROM action_request WHERE process_instance_id = ?", UUID.class,
				instance.getId());
	}

	/** Ann's reply to the request, with the Authentication-Results header a receiving server would add. */
	private MimeMessage reply(ProcessInstance instance, String authenticationResults) throws Exception {
		String requestId = awaitRequestMessageId(actionOf(instance));
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
		MimeMessage reply = new MimeMessage(Session.getInstance(properties));
		reply.setFrom(new InternetAddress("ann@example.com"));
		reply.setRecipients(Message.RecipientType.TO, "hil@localhost");
		reply.setSubject("Re: Approve order 7?");
		reply.setHeader("In-Reply-To", "<" + requestId + ">");
		reply.setHeader("References", "<" + requestId + ">");
		if (authenticationResults != null) {
			reply.setHeader("Authentication-Results", authenticationResults);
		}
		reply.setText("Approve\n", "UTF-8");
		return reply;
	}

	private String awaitRequestMessageId(UUID action) throws InterruptedException {
		long deadline = System.currentTimeMillis() + Duration.ofSeconds(20).toMillis();
		while (System.currentTimeMillis() < deadline) {
			List<String> ids = this.jdbc.queryForList("SELECT message_id FROM action_dispatch WHERE action_id = ? "
					+ "AND status = 'delivered'", String.class, action);
			if (!ids.isEmpty()) {
				return ids.get(0).replaceAll("^<|>$", "");
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no request sent for action " + action);
	}

	private static void send(MimeMessage message) throws Exception {
		Transport.send(message);
	}

}
