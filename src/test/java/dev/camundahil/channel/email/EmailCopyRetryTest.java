package dev.camundahil.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.camundahil.channel.DispatchedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email to several people whose sending fails part way, from the dispatch outbox to a real SMTP server: a retry
 * sends only the copies still owed, with the Message-ID the others went out with, for requests and reminders alike;
 * an address the server refuses for good does not hold the others' copies back and is named in the dispatch's error.
 */
@Import(EmailCopyRetryTest.FlakyMailServer.class)
@TestPropertySource(properties = "hil.reminders.interval=500ms")
class EmailCopyRetryTest extends EmailTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FlakySender sender;

	@Autowired
	DispatchedMessages sentMessages;

	@AfterEach
	void healTheServer() {
		this.sender.failOnce.clear();
		this.sender.refused.clear();
		this.sender.down.clear();
	}

	@Test
	void aRetrySendsOnlyTheCopyStillOwedWithTheSameMessageId() throws Exception {
		this.sender.failOnce.add("bob@retried.example request");
		UUID action = start("Approve order 31?", null, "ann@retried.example", "bob@retried.example",
				"carol@retried.example");

		awaitStatus(action, "request", "delivered");

		assertThat(this.sender.attempts("request", "retried.example")).as("copies tried, in order")
			.containsExactly("ann@retried.example", "bob@retried.example", "bob@retried.example",
					"carol@retried.example");
		String messageId = messageId(action, "request");
		for (String person : List.of("ann@retried.example", "bob@retried.example", "carol@retried.example")) {
			List<MimeMessage> received = inboxOf(person, action);
			assertThat(received).as("emails %s received", person).hasSize(1);
			assertThat(received.get(0).getMessageID()).as("Message-ID of %s's copy", person).isEqualTo(messageId);
		}
		assertThat(attempts(action, "request")).isEqualTo(2);
		assertThat(copyMessageIds(action))
			.containsExactly(messageId, messageId, messageId);
	}

	@Test
	void whileOneCopyIsRetriedAReplyToAnotherFindsItsActionByTheMessageIdItWentOutWith() throws Exception {
		this.sender.down.add("bob@waiting.example request");
		UUID action = start("Approve order 34?", null, "ann@waiting.example", "bob@waiting.example");

		List<MimeMessage> annsCopy = awaitInbox("ann@waiting.example", action, 1);
		String annsMessageId = annsCopy.get(0).getMessageID();
		await().atMost(PATIENCE).until(() -> this.jdbc.queryForMap("SELECT status, message_id FROM action_dispatch "
				+ "WHERE action_id = ? AND purpose = 'request'", action),
				(row) -> "pending".equals(row.get("status")) && row.get("message_id") != null);
		assertThat(messageId(action, "request")).as("recorded while bob's copy is retried").isEqualTo(annsMessageId);
		assertThat(this.sentMessages.actionOf(annsMessageId)).contains(action);

		this.sender.down.clear();
		awaitStatus(action, "request", "delivered");
		assertThat(messageId(action, "request")).isEqualTo(annsMessageId);
		assertThat(awaitInbox("bob@waiting.example", action, 1).get(0).getMessageID()).isEqualTo(annsMessageId);
	}

	@Test
	void aReminderRetrySendsOnlyTheCopyStillOwedInTheRequestsThread() throws Exception {
		this.sender.failOnce.add("carol@reminded.example reminder");
		UUID action = start("Approve order 32?", "PT1S", "ann@reminded.example", "bob@reminded.example",
				"carol@reminded.example");

		awaitStatus(action, "reminder", "delivered");

		assertThat(this.sender.attempts("reminder", "reminded.example")).as("reminder copies tried, in order")
			.containsExactly("ann@reminded.example", "bob@reminded.example", "carol@reminded.example",
					"carol@reminded.example");
		String requestId = messageId(action, "request");
		String reminderId = messageId(action, "reminder");
		assertThat(reminderId).isNotEqualTo(requestId);
		for (String person : List.of("ann@reminded.example", "bob@reminded.example", "carol@reminded.example")) {
			List<MimeMessage> received = awaitInbox(person, action, 2);
			assertThat(received).as("emails %s received", person).hasSize(2);
			assertThat(received.stream().map(EmailCopyRetryTest::messageIdOf))
				.containsExactlyInAnyOrder(requestId, reminderId);
			MimeMessage reminder = received.stream()
				.filter((message) -> reminderId.equals(messageIdOf(message)))
				.findFirst()
				.orElseThrow();
			assertThat(reminder.getHeader("In-Reply-To")).containsExactly(requestId);
		}
	}

	@Test
	void anAddressRefusedForGoodDoesNotHoldTheOthersBackAndFailsTheDispatchAtOnceNamingIt() throws Exception {
		this.sender.refused.add("bob@refused.example");
		UUID action = start("Approve order 33?", null, "ann@refused.example", "bob@refused.example",
				"carol@refused.example");

		awaitStatus(action, "request", "failed");
		assertThat(this.sender.attempts("request", "refused.example")).as("one attempt: no retry for a refusal")
			.containsExactly("ann@refused.example", "bob@refused.example", "carol@refused.example");
		assertThat(attempts(action, "request")).isOne();
		assertThat(this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ?", String.class, action))
			.contains("dispatch_failed");

		String lastError = this.jdbc.queryForObject("SELECT last_error FROM action_dispatch WHERE action_id = ? "
				+ "AND purpose = 'request'", String.class, action);
		assertThat(lastError).contains("sent 2 of 3 copies, 1 owed")
			.contains("refused for good bob@refused.example (550 5.1.1 <bob@refused.example>: mailbox unknown)")
			.doesNotContain("ann@refused.example", "carol@refused.example");
		List<String> ids = copyMessageIds(action);
		assertThat(ids).hasSize(2).containsOnly(ids.get(0));
		assertThat(messageId(action, "request")).as("the copies that went out, for replies to them")
			.isEqualTo(ids.get(0));
		assertThat(this.sentMessages.actionOf(ids.get(0))).contains(action);
		assertThat(this.jdbc.queryForObject("SELECT data->>'messageId' FROM action_audit WHERE action_id = ? "
				+ "AND event = 'dispatch_failed'", String.class, action)).isEqualTo(ids.get(0));
		for (String person : List.of("ann@refused.example", "carol@refused.example")) {
			List<MimeMessage> received = inboxOf(person, action);
			assertThat(received).as("emails %s received", person).hasSize(1);
			assertThat(received.get(0).getMessageID()).isEqualTo(ids.get(0));
		}
	}

	private UUID start(String question, String reminder, String... to) {
		var task = hilTask(key("copies"), question, "email").camundaInputParameter("to", String.join(",", to))
			.camundaInputParameter("expectedResponse", "Approve,Reject");
		if (reminder != null) {
			task = task.camundaInputParameter("reminder", reminder);
		}
		String key = deploy(waitingAfter(task));
		return actionOf(this.runtime.startProcessInstanceByKey(key)).getId();
	}

	private int attempts(UUID action, String purpose) {
		return this.jdbc.queryForObject("SELECT attempts FROM action_dispatch WHERE action_id = ? AND purpose = ?",
				Integer.class, action, purpose);
	}

	/** The Message-IDs the action's recorded email copies went out with. */
	private List<String> copyMessageIds(UUID action) {
		return this.jdbc.queryForList("SELECT c.message_id FROM action_email_copy c JOIN action_dispatch d "
				+ "ON d.id = c.dispatch_id WHERE d.action_id = ?", String.class, action);
	}

	private void awaitStatus(UUID action, String purpose, String status) {
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForList("SELECT status FROM action_dispatch WHERE action_id = ? AND purpose = ?",
					String.class, action, purpose), (statuses) -> statuses.contains(status));
	}

	private String messageId(UUID action, String purpose) {
		return this.jdbc.queryForObject("SELECT message_id FROM action_dispatch WHERE action_id = ? AND purpose = ?",
				String.class, action, purpose);
	}

	private static List<MimeMessage> awaitInbox(String address, UUID action, int count) {
		return await().atMost(PATIENCE).until(() -> inboxOf(address, action), (found) -> found.size() >= count);
	}

	private static String messageIdOf(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The application's mail sender, to the tests' SMTP server, with failures the tests ask for. */
	@Configuration(proxyBeanMethods = false)
	static class FlakyMailServer {

		/** Spring Boot's own sender, and its mail properties, back off from an application's sender. */
		@Bean
		FlakySender flakyMailSender(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
			FlakySender sender = new FlakySender();
			sender.setHost(host);
			sender.setPort(port);
			sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
			sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
			return sender;
		}

	}

	/**
	 * Sends as Spring's sender does, except that the copies named in {@link #failOnce} ("address request" or
	 * "address reminder") fail once as a dropped connection does, those named in {@link #down} so until the test
	 * clears it, and those to an address in {@link #refused} fail
	 * every time as a server's 550 to that address does.
	 */
	static class FlakySender extends JavaMailSenderImpl {

		final Set<String> failOnce = ConcurrentHashMap.newKeySet();

		final Set<String> refused = ConcurrentHashMap.newKeySet();

		final Set<String> down = ConcurrentHashMap.newKeySet();

		/** Every copy tried, as "address request" or "address reminder", in order. */
		final List<String> tried = new CopyOnWriteArrayList<>();

		@Override
		protected void doSend(MimeMessage[] messages, Object[] originals) {
			for (MimeMessage message : messages) {
				String address;
				String purpose;
				try {
					Address[] recipients = message.getAllRecipients();
					address = ((InternetAddress) recipients[0]).getAddress();
					purpose = (message.getHeader("In-Reply-To") != null) ? "reminder" : "request";
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
				this.tried.add(address + " " + purpose);
				if (this.refused.contains(address)) {
					SendFailedException refusal = new SendFailedException("Invalid Addresses",
							new MessagingException("550 5.1.1 <" + address + ">: mailbox unknown"), new Address[0],
							new Address[0], new Address[] { recipientOf(address) });
					throw new MailSendException(Map.of(message, refusal));
				}
				if (this.failOnce.remove(address + " " + purpose) || this.down.contains(address + " " + purpose)) {
					throw new MailSendException("Mail server connection failed",
							new MessagingException("Connection reset"));
				}
			}
			super.doSend(messages, originals);
		}

		/** The addresses of one domain tried for one purpose, in order: each test writes to a domain of its own. */
		List<String> attempts(String purpose, String domain) {
			List<String> found = new ArrayList<>();
			for (String attempt : this.tried) {
				String[] parts = attempt.split(" ");
				if (parts[1].equals(purpose) && parts[0].endsWith("@" + domain)) {
					found.add(parts[0]);
				}
			}
			return found;
		}

		private static InternetAddress recipientOf(String address) {
			try {
				return new InternetAddress(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
