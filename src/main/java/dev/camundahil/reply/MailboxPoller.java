package dev.camundahil.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import dev.camundahil.schedule.RecurringWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Reads new messages from the reply mailbox over IMAP, in UID order, a batch at a time, and hands them to the
 * {@link ReplyHandler} in {@linkplain ReplyLanes lanes}, a lane per action. Every handled message is recorded by its
 * Message-ID in the database, and the last UID of a batch once it is handled, so a restart or a crash mid-batch
 * neither loses nor repeats one; Quartz runs this on one node at a time. Messages that failed are read again, ahead
 * of the new ones, until {@code hil.mail.inbound.max-attempts}; the position passes them at once.
 */
class MailboxPoller implements RecurringWork, DisposableBean, MailboxPolls {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final InboundMailProperties properties;

	private final InboundLedger ledger;

	private final ReplyHandler handler;

	private final SenderNotice senderNotice;

	private final InboundMessage.Limits limits;

	private final MailboxConnection connection;

	private final MailboxReader reader;

	private final MessageMarker marker;

	private volatile Instant lastSuccess;

	private volatile Instant lastFailure;

	private volatile String lastError;

	private LateReplyNoticeSender lateNotices;

	/** Whether the last read was a full batch, so that the job reads again at once, within the same poll. */
	private boolean readingBacklog;

	MailboxPoller(InboundMailProperties properties, InboundLedger ledger, ReplyHandler handler,
			SenderNotice senderNotice, InboundMessage.Limits limits) {
		this(properties, ledger, handler, senderNotice, limits, MailboxLogin.password(properties.getPassword()));
	}

	MailboxPoller(InboundMailProperties properties, InboundLedger ledger, ReplyHandler handler,
			SenderNotice senderNotice, InboundMessage.Limits limits, MailboxLogin login) {
		this.properties = properties;
		this.ledger = ledger;
		this.handler = handler;
		this.senderNotice = senderNotice;
		this.limits = limits;
		this.connection = new MailboxConnection(properties, login);
		this.reader = new MailboxReader(properties, ledger, limits);
		this.marker = new MessageMarker(properties);
	}

	@Override
	public String name() {
		return "email-replies";
	}

	@Override
	public Duration interval() {
		return this.properties.getPollInterval();
	}

	@Override
	public int batchSize() {
		return this.properties.getBatchSize();
	}

	@Override
	public synchronized int sweep() {
		if (!this.properties.isEnabled()) {
			return 0;
		}
		int handled = 0;
		try {
			Folder folder = this.connection.store().getFolder(this.properties.getFolder());
			folder.open(Folder.READ_WRITE);
			try {
				handled = readNew(folder);
			}
			finally {
				folder.close(true);
			}
			this.lastSuccess = Instant.now();
			return handled;
		}
		catch (MessagingException ex) {
			this.lastFailure = Instant.now();
			this.lastError = ex.getMessage();
			log.warn("Cannot read the reply mailbox {}@{}: {}", this.properties.getUsername(),
					this.properties.getHost(), ex.getMessage());
			return 0;
		}
		finally {
			// after a full batch the job reads again at once, over the connection still open
			this.readingBacklog = handled >= this.properties.getBatchSize();
			if (!this.readingBacklog) {
				this.connection.disconnect();
			}
		}
	}

	@Override
	public boolean enabled() {
		return this.properties.isEnabled();
	}

	@Override
	public Duration pollInterval() {
		return this.properties.getPollInterval();
	}

	@Override
	public Instant lastSuccess() {
		return this.lastSuccess;
	}

	@Override
	public Instant lastFailure() {
		return this.lastFailure;
	}

	@Override
	public String lastError() {
		return this.lastError;
	}

	synchronized boolean isConnected() {
		return this.connection.isConnected();
	}

	/** Who sends the messages owed to the senders of late replies, right after their reply is handled. */
	void setLateNotices(LateReplyNoticeSender lateNotices) {
		this.lateNotices = lateNotices;
	}

	ReplyHandler handler() {
		return this.handler;
	}

	InboundMessage.Limits limits() {
		return this.limits;
	}

	@Override
	public synchronized void destroy() {
		this.connection.disconnect();
	}

	/** Handles a batch; failed messages are tried again once a poll, not in the reads that continue a backlog. */
	private int readNew(Folder folder) throws MessagingException {
		MailboxReader.Batch read = this.reader.read(folder, !this.readingBacklog);
		List<Received> batch = new ArrayList<>();
		for (MailboxReader.Fetched fetched : read.messages()) {
			InboundMessage inbound = fetched.inbound();
			UUID actionId = (inbound != null) ? this.handler.actionOf(inbound).orElse(null) : null;
			batch.add(new Received(fetched.where(), fetched.message(), inbound, actionId, fetched.unreadable()));
		}
		ReplyLanes.Handled handled = ReplyLanes.run(batch, MailboxPoller::laneOf, this::handleOne,
				this.properties.getWorkers());
		int done = handled.handledPrefix(read.retried());
		List<Message> processed = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (Boolean.TRUE.equals(handled.ours()[i])) {
				processed.add(batch.get(i).message());
			}
		}
		if (done > 0) {
			this.ledger.advance(read.mailbox(), read.validity(), batch.get(read.retried() + done - 1).where().uid());
		}
		this.marker.mark(folder, processed);
		if (handled.failure() != null) {
			// what was handled after the failure is read again, and found in the ledger as handled
			throw handled.failure();
		}
		return done;
	}

	/** Replies to one action share a lane; so do copies of one message that matches none. */
	private static Object laneOf(Received received) {
		if (received.actionId() != null) {
			return received.actionId();
		}
		return (received.inbound() != null) ? received.inbound().messageId() : received;
	}

	/**
	 * Handles one message; returns whether it is done with and ours (answered, rejected or ignored), to be marked:
	 * someone else's mail and failed messages are left as they are.
	 */
	private boolean handleOne(Received received) {
		InboundMessage inbound = received.inbound();
		if (inbound == null) {
			this.handler.unreadable(received.message(), received.where(), received.unreadable());
			return false;
		}
		ReplyOutcome outcome = this.handler.handle(inbound, received.actionId(), received.where());
		log.debug("Email {} handled: {}", inbound.messageId(), outcome.kind());
		if (outcome.notice() != null) {
			this.senderNotice.send(inbound, outcome.notice());
		}
		if (outcome.lateNoticeTo() != null && this.lateNotices != null) {
			// the outcome has committed: send now; one that fails is tried again by the late-reply-notices work
			this.lateNotices.deliver(outcome.actionId(), outcome.lateNoticeTo());
		}
		return outcome.marksMessage();
	}

	/**
	 * A message of the batch, with where it lies, its content read (null and the reason where it could not be) and the
	 * action it answers (null where none).
	 */
	private record Received(MailboxUid where, Message message, InboundMessage inbound, UUID actionId,
			String unreadable) {
	}

}
