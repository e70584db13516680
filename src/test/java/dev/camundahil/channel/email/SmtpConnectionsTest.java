package dev.camundahil.channel.email;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * SMTP connections kept open between emails, against GreenMail behind a proxy that counts and cuts connections.
 */
class SmtpConnectionsTest {

	private ServerSetup smtp;

	private GreenMail mail;

	private SmtpProxy proxy;

	private JavaMailSenderImpl sender;

	private final List<SmtpConnections> pools = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		// a fixed port, so that the server can be stopped and started again behind the proxy
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.smtp = new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		}
		this.mail = new GreenMail(this.smtp);
		this.mail.start();
		this.proxy = new SmtpProxy(this.smtp.getPort());
		this.sender = new JavaMailSenderImpl();
		this.sender.setHost("127.0.0.1");
		this.sender.setPort(this.proxy.port());
		this.sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		this.sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
	}

	@AfterEach
	void stop() throws Exception {
		this.pools.forEach(SmtpConnections::destroy);
		this.proxy.close();
		this.mail.stop();
	}

	@Test
	void emailsInARowGoOverOneConnection() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 100);

		for (int i = 0; i < 5; i++) {
			connections.send(this.sender, email("one connection " + i));
		}

		assertThat(this.mail.getReceivedMessages()).hasSize(5);
		assertThat(this.proxy.connections()).isEqualTo(1);
		assertThat(connections.idleCount()).isEqualTo(1);
	}

	@Test
	void aConnectionTheServerClosedIsReplacedAndTheEmailSentOnce() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 100);
		connections.send(this.sender, email("before"));

		this.proxy.dropAll();
		await().until(() -> this.proxy.openConnections() == 0);
		connections.send(this.sender, email("after"));

		assertThat(subjects()).containsExactly("before", "after");
		assertThat(this.proxy.connections()).isEqualTo(2);
	}

	@Test
	void aServerThatIsDownFailsTheEmailAndItGoesOutOnceWhenTheServerIsBack() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 100);
		connections.send(this.sender, email("before"));

		this.mail.stop();
		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> connections.send(this.sender, email("during")));
		this.mail = new GreenMail(this.smtp);
		this.mail.start();
		connections.send(this.sender, email("during"));

		assertThat(subjects()).containsExactly("during");
		assertThat(connections.idleCount()).isEqualTo(1);
	}

	@Test
	void anEmailThatFailsOverAWorkingConnectionIsNotTriedAgain() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 100);
		connections.send(this.sender, email("before"));
		MimeMessage unsendable = email("no recipients");
		unsendable.setRecipients(MimeMessage.RecipientType.TO, new InternetAddress[0]);

		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> connections.send(this.sender, unsendable));

		assertThat(subjects()).containsExactly("before");
		assertThat(this.proxy.connections()).isEqualTo(1);
	}

	@Test
	void aConnectionIsReplacedAfterItsMaximumOfEmails() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 2);

		for (int i = 0; i < 5; i++) {
			connections.send(this.sender, email("limited " + i));
		}

		assertThat(this.mail.getReceivedMessages()).hasSize(5);
		assertThat(this.proxy.connections()).isEqualTo(3);
	}

	@Test
	void anIdleConnectionIsClosed() throws Exception {
		SmtpConnections connections = connections(Duration.ofMillis(200), 100);
		connections.send(this.sender, email("first"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.proxy.openConnections() == 0);
		assertThat(connections.idleCount()).isZero();
		connections.send(this.sender, email("second"));

		assertThat(this.mail.getReceivedMessages()).hasSize(2);
		assertThat(this.proxy.connections()).isEqualTo(2);
	}

	@Test
	void aZeroIdleTimeoutOpensAConnectionPerEmail() throws Exception {
		SmtpConnections connections = connections(Duration.ZERO, 100);

		for (int i = 0; i < 3; i++) {
			connections.send(this.sender, email("each " + i));
		}

		assertThat(this.mail.getReceivedMessages()).hasSize(3);
		assertThat(this.proxy.connections()).isEqualTo(3);
	}

	@Test
	void anotherSenderSendsEachEmailItsOwnWay() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 100);
		JavaMailSenderImpl subclass = new JavaMailSenderImpl() {
		};
		subclass.setHost("127.0.0.1");
		subclass.setPort(this.proxy.port());
		JavaMailSender sender = subclass;

		for (int i = 0; i < 3; i++) {
			connections.send(sender, email("own way " + i));
		}

		assertThat(this.mail.getReceivedMessages()).hasSize(3);
		assertThat(this.proxy.connections()).isEqualTo(3);
		assertThat(connections.idleCount()).isZero();
	}

	@Test
	void aSenderWithItsOwnLoginKeepsItsConnectionsAndLogsInOnce() throws Exception {
		SmtpConnections connections = connections(Duration.ofMinutes(1), 100);
		OwnLogin sender = new OwnLogin();
		sender.setHost("127.0.0.1");
		sender.setPort(this.proxy.port());

		for (int i = 0; i < 3; i++) {
			connections.send(sender, email("own login " + i));
		}

		assertThat(this.mail.getReceivedMessages()).hasSize(3);
		assertThat(this.proxy.connections()).isEqualTo(1);
		assertThat(sender.logins).isEqualTo(1);
	}

	private SmtpConnections connections(Duration idleTimeout, int maxEmails) {
		SmtpConnections connections = new SmtpConnections(idleTimeout, maxEmails);
		this.pools.add(connections);
		return connections;
	}

	private MimeMessage email(String subject) throws Exception {
		MimeMessage message = this.sender.createMimeMessage();
		message.setFrom(new InternetAddress("hil@camunda-hil.test"));
		message.setRecipients(MimeMessage.RecipientType.TO, new InternetAddress[] { new InternetAddress("ann@example.test") });
		message.setSubject(subject);
		message.setText("Approve?");
		return message;
	}

	private List<String> subjects() throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	/** A sender that logs in its own way, counting its logins. */
	static class OwnLogin extends JavaMailSenderImpl implements SmtpLogin {

		int logins;

		@Override
		public Transport connect() throws MessagingException {
			this.logins++;
			return connectTransport();
		}

	}

}
