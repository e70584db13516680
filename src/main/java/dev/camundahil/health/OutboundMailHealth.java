package dev.camundahil.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

import dev.camundahil.channel.email.SmtpLogin;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Whether the outbound mail server takes connections: connects and logs in as the email channel does, sends NOOP,
 * and closes. The outcome is reused for {@code hil.health.mail-check-interval}, so that frequent health probes do
 * not open a connection each.
 */
final class OutboundMailHealth implements HealthIndicator {

	private final JavaMailSenderImpl sender;

	private final Duration reuseFor;

	private Health last;

	private Instant checkedAt;

	OutboundMailHealth(JavaMailSender sender, Duration reuseFor) {
		this.sender = (sender instanceof JavaMailSenderImpl impl) ? impl : null;
		this.reuseFor = reuseFor;
	}

	@Override
	public synchronized Health health() {
		Instant now = Instant.now();
		if (this.last == null || !now.isBefore(this.checkedAt.plus(this.reuseFor))) {
			this.last = check(now);
			this.checkedAt = now;
		}
		return this.last;
	}

	private Health check(Instant now) {
		if (this.sender == null) {
			return Health.unknown().withDetail("reason", "the mail sender is not an SMTP sender to check").build();
		}
		Health.Builder health = Health.up()
			.withDetail("host", String.valueOf(this.sender.getHost()))
			.withDetail("port", this.sender.getPort())
			.withDetail("checkedAt", now.toString());
		try (Transport transport = connect()) {
			// SMTP's isConnected() sends NOOP: a connection the server dropped shows here
			if (!transport.isConnected()) {
				return health.down().withDetail("error", "the server closed the connection after the login").build();
			}
			return health.build();
		}
		catch (MessagingException | RuntimeException ex) {
			return health.down().withDetail("error", String.valueOf(ex.getMessage())).build();
		}
	}

	private Transport connect() throws MessagingException {
		if (this.sender instanceof SmtpLogin login) {
			return login.connect();
		}
		Transport transport = this.sender.getSession().getTransport(protocol());
		transport.connect(this.sender.getHost(), this.sender.getPort(), this.sender.getUsername(),
				this.sender.getPassword());
		return transport;
	}

	private String protocol() {
		String protocol = this.sender.getProtocol();
		return (protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL;
	}

}
