package dev.camundahil.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

import dev.camundahil.schedule.RecurringWork;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 5: HIL tasks with output type email, sent through the outbox to a local SMTP server (GreenMail), and
 * then as many plain replies, read from its IMAP mailbox, matched and answered.
 */
final class EmailScenario {

	static final String MAILBOX = "hil@localhost";

	private EmailScenario() {
	}

	static List<ScenarioResult> run(ConfigurableApplicationContext app, GreenMail mail) throws Exception {
		int count = Integer.getInteger("bench.emails", 2000);
		RepositoryService repository = app.getBean(RepositoryService.class);
		RuntimeService runtime = app.getBean(RuntimeService.class);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		repository.createDeployment()
			.addModelInstance("bench_email.bpmn",
					Bpmn.createExecutableProcess("bench_email")
						.startEvent()
						.serviceTask("wait")
						.camundaDelegateExpression("${hilTask}")
						.camundaInputParameter("question", "Approve order?")
						.camundaInputParameter("outputTypes", "email")
						.camundaInputParameter("to", "ann@example.com")
						.camundaInputParameter("expectedResponse", "Approve,Reject")
						.endEvent()
						.done())
			.deploy();
		AtomicLong sequence = new AtomicLong();
		Load.Operation start = (i) -> runtime.startProcessInstanceByKey("bench_email", "e-" + sequence.incrementAndGet());
		// sent and answered first and not measured, so that the JIT compiler has compiled the mail path by the time
		// the measured emails go out
		int warmUp = Integer.getInteger("bench.emailsWarmUp", 1000);
		sendAll(mail, warmUp, start);
		answer(app, jdbc, mail, warmUp);
		double sendSeconds = sendAll(mail, count, start);
		double replySeconds = answer(app, jdbc, mail, warmUp + count);
		return List.of(ScenarioResult.throughput("email_send", count, sendSeconds, null,
				"HIL tasks started at concurrency 8 until every email reached SMTP, after " + warmUp + " as a warm-up"),
				ScenarioResult.throughput("email_replies", count, replySeconds, null,
						"plain replies read over IMAP, matched, answered, instances resumed"));
	}

	/** Starts {@code count} HIL tasks and waits until every one's email reached SMTP; returns the seconds it took. */
	private static double sendAll(GreenMail mail, int count, Load.Operation start) throws Exception {
		int before = mail.getReceivedMessages().length;
		long begin = System.nanoTime();
		Load.run(count, 8, start);
		if (!mail.waitForIncomingEmail(600_000, before + count)) {
			throw new IllegalStateException("not every email arrived");
		}
		return (System.nanoTime() - begin) / 1e9;
	}

	/**
	 * Replies to every email sent and not yet answered, until {@code total} actions of the scenario are completed;
	 * returns the seconds the poller took.
	 */
	private static double answer(ConfigurableApplicationContext app, JdbcTemplate jdbc, GreenMail mail, int total)
			throws Exception {
		// an email can arrive a moment before its row is marked delivered
		while (jdbc.queryForObject("SELECT count(*) FROM action_dispatch d JOIN action_request a ON a.id = d.action_id "
				+ "WHERE a.flow_id = 'bench_email' AND d.status = 'delivered'", Integer.class) < total) {
			Thread.sleep(50);
		}
		List<Map<String, Object>> sent = jdbc.queryForList("""
				SELECT d.message_id FROM action_dispatch d JOIN action_request a ON a.id = d.action_id
				WHERE a.flow_id = 'bench_email' AND d.status = 'delivered' AND a.status = 'pending'""");
		GreenMailUser mailbox = mail.getUserManager().getUser(MAILBOX);
		Session session = Session.getInstance(new Properties());
		RecurringWork poller = Sweeps.named(app, "email-replies");
		// replies arrive in waves, as they do, and are moved out of the inbox once read (hil.mail.inbound.
		// after-processing=move): GreenMail, unlike a real IMAP server, pays for every message in a folder on every
		// command, which would measure the test server instead
		int wave = Integer.getInteger("bench.replyWave", 100);
		int answeredBefore = total - sent.size();
		double seconds = 0;
		for (int from = 0; from < sent.size(); from += wave) {
			List<Map<String, Object>> rows = sent.subList(from, Math.min(sent.size(), from + wave));
			for (Map<String, Object> row : rows) {
				mailbox.deliver(reply(session, (String) row.get("message_id")));
			}
			int expected = answeredBefore + from + rows.size();
			seconds += Sweeps.until(poller, 1, () -> completed(jdbc) == expected);
		}
		return seconds;
	}

	private static int completed(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM action_request WHERE flow_id = 'bench_email' AND status = "
				+ "'completed'", Integer.class);
	}

	/** A plain reply as a mail client writes it: top-posted answer, quoted original, In-Reply-To. */
	private static MimeMessage reply(Session session, String messageId) throws Exception {
		MimeMessage reply = new MimeMessage(session);
		reply.setFrom(new InternetAddress("Ann <ann@example.com>"));
		reply.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
		reply.setSubject("Re: Approve order?");
		reply.setHeader("In-Reply-To", messageId);
		reply.setHeader("References", messageId);
		reply.setText("Approve\n\nOn Wed, Nov 25, 2026, HIL <hil@localhost> wrote:\n> Approve order?\n", "UTF-8");
		reply.saveChanges();
		return reply;
	}

}
