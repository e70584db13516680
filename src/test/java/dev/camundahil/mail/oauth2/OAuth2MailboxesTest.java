package dev.camundahil.mail.oauth2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.camundahil.action.ActionService;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.channel.email.EmailChannel;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app with company mailboxes that take only OAuth2 logins: GreenMail's SMTP and IMAP servers with XOAUTH2, whose
 * users' passwords are the tokens that two token endpoints on loopback hand out, one for sending and one for reading.
 * HIL emails go out through the dispatch outbox, and replies are read over IMAP.
 */
@PostgresTest
class OAuth2MailboxesTest {

	static final String SENDER = "hil@company.test";

	static final String REPLIES = "replies@company.test";

	static final String SECRET = "sending-client-secret-42";

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final GreenMail mail = new GreenMail(
			new ServerSetup[] { ServerSetup.SMTP.dynamicPort(), ServerSetup.IMAP.dynamicPort() });

	static final TokenServer sendingTokens;

	static final TokenServer readingTokens;

	static {
		mail.start();
		mail.setUser(SENDER, SENDER, "smtp-token-1");
		mail.setUser(REPLIES, REPLIES, "imap-token-1");
		try {
			sendingTokens = new TokenServer("smtp-token-1");
			readingTokens = new TokenServer("imap-token-1");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void mailboxes(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("spring.mail.username", () -> SENDER);
		registry.add("hil.mail.oauth2.token-uri", sendingTokens::uri);
		registry.add("hil.mail.oauth2.client-id", () -> "hil-sender");
		registry.add("hil.mail.oauth2.client-secret", () -> SECRET);
		registry.add("hil.mail.oauth2.scope", () -> "smtp-scope");
		registry.add("hil.mail.from", () -> SENDER);
		registry.add("hil.mail.reply-to", () -> REPLIES);
		registry.add("hil.mail.inbound.host", () -> "127.0.0.1");
		registry.add("hil.mail.inbound.port", () -> mail.getImap().getPort());
		registry.add("hil.mail.inbound.username", () -> REPLIES);
		registry.add("hil.mail.inbound.oauth2.token-uri", readingTokens::uri);
		registry.add("hil.mail.inbound.oauth2.client-id", () -> "hil-reader");
		registry.add("hil.mail.inbound.oauth2.client-secret", () -> "reading-client-secret");
		registry.add("hil.mail.inbound.oauth2.client-authentication", () -> "post");
		registry.add("hil.mail.inbound.oauth2.scope", () -> "imap-scope");
		// the test reads the mailbox itself, one poll at a time
		registry.add("hil.mail.inbound.poll-interval", () -> "1h");
		// a connection per email, so that every email logs in: one kept open would outlive a revoked token
		registry.add("hil.mail.max-emails-per-connection", () -> "1");
		// quick retries, so that the test sees an outage end within seconds
		registry.add("hil.dispatch.retry-schedule", () -> "500ms,1s,1s,1s,2s,2s,2s,2s,2s,2s");
		registry.add("hil.dispatch.interval", () -> "500ms");
	}

	@AfterAll
	static void stop() {
		mail.stop();
		sendingTokens.close();
		readingTokens.close();
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilMailboxPoller")
	RecurringWork poller;

	@Test
	void emailsOfActionsOpenedWhileTheTokenEndpointIsDownGoOutOnceItIsBackEachOnce() throws Exception {
		// a new token (the old one revoked), which the sender can only get from the endpoint
		mail.setUser(SENDER, SENDER, "smtp-token-2");
		sendingTokens.handOut("smtp-token-2");
		sendingTokens.down(true);
		List<UUID> opened = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				opened.add(actionOf(start("Token outage " + i + "?", "ann" + i + "@outage.test")));
			}
			for (UUID action : opened) {
				awaitUntil("a failed attempt for " + action, () -> this.jdbc.queryForObject(
						"SELECT count(*) FROM action_dispatch WHERE action_id = ? AND status = 'pending' "
								+ "AND attempts > 0 AND last_error LIKE '%OAuth2 access token%'",
						Integer.class, action) == 1);
			}
			assertThat(this.jdbc.queryForList("SELECT last_error FROM action_dispatch WHERE action_id = ?",
					String.class, opened.get(0)).get(0))
				.contains(sendingTokens.uri())
				.doesNotContain(SECRET)
				.doesNotContain("smtp-token");
		}
		finally {
			sendingTokens.down(false);
		}

		for (UUID action : opened) {
			awaitUntil("the dispatch of " + action + " is delivered", () -> "delivered".equals(this.jdbc
				.queryForObject("SELECT status FROM action_dispatch WHERE action_id = ?", String.class, action)));
		}
		for (UUID action : opened) {
			assertThat(emailsFor(action)).as("emails for " + action).hasSize(1);
		}
		assertThat(sendingTokens.requests()).allSatisfy((request) -> assertThat(request.form())
			.containsEntry("grant_type", "client_credentials")
			.containsEntry("scope", "smtp-scope"));
	}

	@Test
	void aReplyIsReadOverImapWithAnAccessTokenAndARevokedOneIsReplaced() throws Exception {
		ProcessInstance instance = start("Approve the offer?", "bob@customer.test");
		UUID action = actionOf(instance);
		awaitUntil("the request email", () -> emailsFor(action).size() == 1);

		send(reply(emailsFor(action).get(0), "bob@customer.test", "Approve"));
		this.poller.sweep();

		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(readingTokens.requests()).isNotEmpty().allSatisfy((request) -> assertThat(request.form())
			.containsEntry("client_id", "hil-reader")
			.containsEntry("scope", "imap-scope"));

		// the mailbox takes only a new token now: the next poll gets one and logs in with it
		long handedOut = readingTokens.tokensHandedOut();
		mail.setUser(REPLIES, REPLIES, "imap-token-2");
		readingTokens.handOut("imap-token-2");
		ProcessInstance second = start("Approve the second offer?", "bob@customer.test");
		UUID secondAction = actionOf(second);
		awaitUntil("the second request email", () -> emailsFor(secondAction).size() == 1);
		send(reply(emailsFor(secondAction).get(0), "bob@customer.test", "Reject"));
		this.poller.sweep();

		assertThat(this.runtime.getVariable(second.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(readingTokens.tokensHandedOut()).isEqualTo(handedOut + 1);
	}

	private ProcessInstance start(String question, String to) {
		String key = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("oauth2"), question, "email")
					.camundaInputParameter("to", to)
					.camundaInputParameter("expectedResponse", "Approve,Reject")));
		return this.runtime.startProcessInstanceByKey(key);
	}

	private UUID actionOf(ProcessInstance instance) {
		return this.actions.findByProcessInstanceId(instance.getId()).get(0).getId();
	}

	private static List<MimeMessage> emailsFor(UUID action) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			try {
				String[] ids = message.getHeader(EmailChannel.ACTION_ID_HEADER);
				if (ids != null && Arrays.asList(ids).contains(action.toString())) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	/** A reply sent the way a mail client sends it, through the same SMTP server without logging in. */
	private static MimeMessage reply(MimeMessage original, String from, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
		MimeMessage reply = new MimeMessage(Session.getInstance(properties));
		reply.setFrom(new InternetAddress(from));
		reply.setRecipients(Message.RecipientType.TO, original.getReplyTo());
		reply.setSubject("Re: " + original.getSubject());
		reply.setHeader("In-Reply-To", original.getMessageID());
		reply.setHeader("References", original.getMessageID());
		reply.setText(text, "UTF-8");
		return reply;
	}

	private static void send(MimeMessage message) throws Exception {
		Transport.send(message);
	}

	private static void awaitUntil(String what, Callable<Boolean> condition) {
		await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition);
	}

}
