package dev.camundahil.channel.email;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends emails over SMTP connections that stay open for the next email. {@link JavaMailSenderImpl#send} opens a
 * connection per email and so pays the TCP connect, the greeting, EHLO and any STARTTLS and login every time, which
 * bounds a worker to a few dozen emails a second. Here a sender takes the connection that was used last, or opens
 * one; a connection goes back after each email, is closed after {@code hil.mail.connection-idle-timeout} unused or
 * after {@code hil.mail.max-emails-per-connection} emails, and is used by one sender at a time.
 * <p>
 * A reused connection may have been closed by the server while it waited (the server's idle timeout, a restart);
 * then the next email fails at its first command, before the server could have taken it. An email that fails on a
 * reused connection that turns out to be closed is therefore sent once more over a new connection before it counts
 * as a failed attempt. A connection is closed after any failure.
 * <p>
 * Only Spring's own {@link JavaMailSenderImpl}, and a subclass that connects through {@link SmtpLogin}, are used
 * this way; any other sender, another subclass too (it may connect or send its own way), sends each email with its
 * {@code send}, as does a zero idle timeout.
 */
final class SmtpConnections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	private final long idleNanos;

	private final int maxEmailsPerConnection;

	/** Closes idle connections; its one thread lives only while a close is scheduled. */
	private final ScheduledThreadPoolExecutor closer;

	/** Idle connections, the most recently used first; guarded by {@code this}. */
	private final Deque<SmtpConnection> idle = new ArrayDeque<>();

	/** The sender whose connections are kept; guarded by {@code this}. */
	private JavaMailSenderImpl sender;

	/** Guarded by {@code this}. */
	private boolean closeScheduled;

	/** Guarded by {@code this}. */
	private boolean destroyed;

	SmtpConnections(Duration idleTimeout, int maxEmailsPerConnection) {
		this.idleNanos = idleTimeout.toNanos();
		this.maxEmailsPerConnection = Math.max(1, maxEmailsPerConnection);
		this.closer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "hil-smtp-idle");
			thread.setDaemon(true);
			return thread;
		});
		this.closer.setKeepAliveTime(1, TimeUnit.SECONDS);
		this.closer.allowCoreThreadTimeOut(true);
		this.closer.setRemoveOnCancelPolicy(true);
	}

	void send(JavaMailSender sender, MimeMessage message) throws MessagingException {
		boolean keepable = sender.getClass() == JavaMailSenderImpl.class
				|| (sender instanceof JavaMailSenderImpl && sender instanceof SmtpLogin);
		if (this.idleNanos <= 0 || !keepable) {
			sender.send(message);
			return;
		}
		JavaMailSenderImpl mailSender = (JavaMailSenderImpl) sender;
		Address[] recipients = prepare(message);
		SmtpConnection reused = take(mailSender);
		if (reused != null) {
			try {
				reused.send(message, recipients);
				release(reused);
				return;
			}
			catch (MessagingException | RuntimeException ex) {
				boolean open = reused.isOpen();
				// not kept after a failure: whatever state the session is left in goes with it
				reused.close();
				if (open) {
					// the server refused this email over a working connection: a failed attempt
					throw ex;
				}
				log.debug("An SMTP connection was closed while it waited; sending over a new one: {}",
						ex.toString());
			}
		}
		SmtpConnection fresh = SmtpConnection.open(mailSender);
		try {
			fresh.send(message, recipients);
		}
		catch (MessagingException | RuntimeException ex) {
			fresh.close();
			throw ex;
		}
		release(fresh);
	}

	/** What {@link JavaMailSenderImpl} does before it sends: a Date, and a Message-ID set by the caller kept. */
	private static Address[] prepare(MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Address[] recipients = message.getAllRecipients();
		return (recipients != null) ? recipients : new Address[0];
	}

	private SmtpConnection take(JavaMailSenderImpl mailSender) {
		List<SmtpConnection> stale;
		synchronized (this) {
			if (mailSender == this.sender) {
				return this.idle.pollFirst();
			}
			// another sender bean (a refreshed context): the connections to the old server go
			this.sender = mailSender;
			stale = new ArrayList<>(this.idle);
			this.idle.clear();
		}
		stale.forEach(SmtpConnection::close);
		return null;
	}

	private void release(SmtpConnection connection) {
		synchronized (this) {
			if (!this.destroyed && connection.sender() == this.sender
					&& connection.emails() < this.maxEmailsPerConnection) {
				connection.idleFrom(System.nanoTime());
				this.idle.addFirst(connection);
				if (!this.closeScheduled) {
					this.closeScheduled = true;
					this.closer.schedule(this::closeIdle, this.idleNanos, TimeUnit.NANOSECONDS);
				}
				return;
			}
		}
		connection.close();
	}

	private void closeIdle() {
		List<SmtpConnection> expired = new ArrayList<>();
		synchronized (this) {
			long now = System.nanoTime();
			while (!this.idle.isEmpty() && now - this.idle.peekLast().idleSince() >= this.idleNanos) {
				expired.add(this.idle.pollLast());
			}
			this.closeScheduled = !this.idle.isEmpty() && !this.destroyed;
			if (this.closeScheduled) {
				this.closer.schedule(this::closeIdle, this.idle.peekLast().idleSince() + this.idleNanos - now,
						TimeUnit.NANOSECONDS);
			}
		}
		expired.forEach(SmtpConnection::close);
	}

	/** How many connections wait for the next email. */
	synchronized int idleCount() {
		return this.idle.size();
	}

	@Override
	public void destroy() {
		List<SmtpConnection> open;
		synchronized (this) {
			this.destroyed = true;
			open = new ArrayList<>(this.idle);
			this.idle.clear();
		}
		this.closer.shutdownNow();
		open.forEach(SmtpConnection::close);
	}

}
