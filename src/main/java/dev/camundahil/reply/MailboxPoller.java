package dev.camundahil.reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import dev.camundahil.schedule.RecurringWork;
import org.eclipse.angus.mail.imap.IMAPFolder;
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
class MailboxPoller implements RecurringWork, DisposableBean {

	private static final int LOCAL_COPY_LIMIT = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final InboundMailProperties properties;

	private final InboundLedger ledger;

	private final ReplyHandler handler;

	private final SenderNotice senderNotice;

	private final InboundMessage.Limits limits;

	private final MailboxLogin login;

	private Store store;

	/** Whether the folder handled messages are moved to is known to exist. */
	private boolean moveTargetExists;

	/** Whether the last read was a full batch, so that the job reads again at once, within the same poll. */
	private boolean readingBacklog;

	MailboxPoller(InboundMailProperties properties, InboundLedger ledger, ReplyHandler handler,
			SenderNotice senderNotice, InboundMessage.Limits limits) {
		this(properties, ledger, handler, senderNotice, limits, MailboxLogin.password(properties.getPassword()));
	}

	MailboxPoller(InboundMailProperties properties, InboundLedger ledger, ReplyHandler handler,
			SenderNotice senderNotice, InboundMessage.Limits limits, MailboxLogin login) {
		this.properties = properties;
		this.login = login;
		this.ledger = ledger;
		this.handler = handler;
		this.senderNotice = senderNotice;
		this.limits = limits;
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
			Folder folder = store().getFolder(this.properties.getFolder());
			folder.open(Folder.READ_WRITE);
			try {
				handled = readNew(folder);
			}
			finally {
				folder.close(true);
			}
			return handled;
		}
		catch (MessagingException ex) {
			log.warn("Cannot read the reply mailbox {}@{}: {}", this.properties.getUsername(),
					this.properties.getHost(), ex.getMessage());
			return 0;
		}
		finally {
			this.readingBacklog = handled >= this.properties.getBatchSize();
			if (!this.readingBacklog) {
				disconnect();
			}
		}
	}

	/**
	 * The connected mail store. After a full batch the job reads again at once, so the connection stays open for
	 * that read: connecting costs several round trips to the server (greeting, capabilities, login).
	 */
	private Store store() throws MessagingException {
		if (this.store == null || !this.store.isConnected()) {
			disconnect();
			this.store = connect();
		}
		return this.store;
	}

	private void disconnect() {
		if (this.store == null) {
			return;
		}
		try {
			this.store.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing the reply mailbox connection failed: {}", ex.getMessage());
		}
		this.store = null;
	}

	synchronized boolean isConnected() {
		return this.store != null;
	}

	ReplyHandler handler() {
		return this.handler;
	}

	InboundMessage.Limits limits() {
		return this.limits;
	}

	@Override
	public synchronized void destroy() {
		disconnect();
	}

	private int readNew(Folder folder) throws MessagingException {
		UIDFolder uids = (UIDFolder) folder;
		String mailbox = this.properties.getUsername() + "@" + this.properties.getHost() + "/" + folder.getFullName();
		long validity = uids.getUIDValidity();
		long last = this.ledger.lastUid(mailbox, validity);
		List<Message> retried = failedToRetry(uids, mailbox, validity);
		Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
		// envelopes of one batch only (plus one: an IMAP range "n:*" always includes the newest message, even an
		// old one), so that a long backlog costs each poll the same
		messages = Arrays.copyOf(messages, Math.min(messages.length, this.properties.getBatchSize() + 1));
		List<Message> candidates = new ArrayList<>(retried);
		candidates.addAll(Arrays.asList(messages));
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(FetchProfile.Item.ENVELOPE);
		profile.add(FetchProfile.Item.SIZE);
		profile.add(FetchProfile.Item.FLAGS); // a local copy takes them over; unfetched, each is a round trip
		folder.fetch(candidates.toArray(Message[]::new), profile);
		// the retried ones first: they are older, and replies to one action count in mailbox order
		List<Message> read = new ArrayList<>(retried);
		Set<Long> retriedUids = new HashSet<>();
		for (Message message : retried) {
			retriedUids.add(uids.getUID(message));
		}
		for (Message message : messages) {
			long uid = uids.getUID(message);
			boolean room = read.size() - retried.size() < this.properties.getBatchSize();
			if (uid > last && !retriedUids.contains(uid) && room) {
				read.add(message);
			}
		}
		prefetchSmall(folder, read);
		List<Received> batch = new ArrayList<>();
		for (Message message : read) {
			MailboxUid where = new MailboxUid(mailbox, validity, uids.getUID(message));
			InboundMessage inbound = read(message, where.fallbackMessageId());
			UUID actionId = (inbound != null) ? this.handler.actionOf(inbound).orElse(null) : null;
			batch.add(new Received(where, message, inbound, actionId));
		}
		ReplyLanes.Handled handled = ReplyLanes.run(batch, MailboxPoller::laneOf, this::handleOne,
				this.properties.getWorkers());
		int done = handled.handledPrefix(retried.size());
		List<Message> processed = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (Boolean.TRUE.equals(handled.ours()[i])) {
				processed.add(batch.get(i).message());
			}
		}
		if (done > 0) {
			this.ledger.advance(mailbox, validity, batch.get(retried.size() + done - 1).where().uid());
		}
		markProcessed(folder, processed);
		if (handled.failure() != null) {
			// what was handled after the failure is read again, and found in the ledger as handled
			throw handled.failure();
		}
		return done;
	}

	/**
	 * The failed messages to try again, once a poll: not in the reads that continue a backlog at once. Those no
	 * longer in the folder are left failed for good.
	 */
	private List<Message> failedToRetry(UIDFolder uids, String mailbox, long validity) throws MessagingException {
		if (this.readingBacklog) {
			return List.of();
		}
		List<Long> failed = this.ledger.failedToRetry(mailbox, validity, this.properties.getMaxAttempts(),
				this.properties.getBatchSize());
		if (failed.isEmpty()) {
			return List.of();
		}
		Message[] found = uids.getMessagesByUID(failed.stream().mapToLong(Long::longValue).toArray());
		List<Message> retried = new ArrayList<>();
		for (int i = 0; i < found.length; i++) {
			if (found[i] != null) {
				retried.add(found[i]);
			}
			else {
				log.info("Failed email (UID {} in {}) is no longer in the mailbox; not tried again", failed.get(i),
						mailbox);
				this.ledger.forgetPlace(mailbox, validity, failed.get(i));
			}
		}
		return retried;
	}

	/** The message's content, or null where it cannot be read (it is then skipped). */
	private InboundMessage read(Message message, String fallbackId) {
		try {
			return InboundMessage.read(local(message), fallbackId, this.limits);
		}
		catch (java.io.IOException | MessagingException ex) {
			log.warn("Cannot read email {}: {}; skipped", fallbackId, ex.getMessage());
			return null;
		}
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
			return false;
		}
		ReplyOutcome outcome = this.handler.handle(inbound, received.actionId(), received.where());
		log.debug("Email {} handled: {}", inbound.messageId(), outcome.kind());
		if (outcome.notice() != null) {
			this.senderNotice.send(inbound, outcome.notice());
		}
		return outcome.marksMessage();
	}

	/**
	 * Reads the small messages of a batch whole, in one command: read one by one, each would cost the server a
	 * command of its own (and many servers, GreenMail among them, a pass over the folder per command).
	 */
	private static void prefetchSmall(Folder folder, List<Message> messages) throws MessagingException {
		if (!(folder instanceof IMAPFolder)) {
			return;
		}
		List<Message> small = new ArrayList<>();
		for (Message message : messages) {
			if (isSmall(message)) {
				small.add(message);
			}
		}
		if (!small.isEmpty()) {
			FetchProfile whole = new FetchProfile();
			whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
			folder.fetch(small.toArray(Message[]::new), whole);
		}
	}

	private static boolean isSmall(Message message) throws MessagingException {
		return message.getSize() >= 0 && message.getSize() <= LOCAL_COPY_LIMIT;
	}

	/**
	 * The message read in one piece. Read where it lies, every header and part the reply reader looks at is a round
	 * trip of its own to the server; a reply is small, so one fetch of the whole message is far cheaper. Large
	 * messages (attachments) are read where they lie, only the parts needed.
	 */
	private static Message local(Message message) throws MessagingException {
		if (message instanceof MimeMessage mime && isSmall(message)) {
			return new MimeMessage(mime);
		}
		return message;
	}

	/**
	 * Marks the batch's own messages seen, or moves them, in one command: the ledger already keeps them from being
	 * read twice, so the mark is for the people who read the mailbox and may wait for the end of the batch.
	 */
	private void markProcessed(Folder folder, List<Message> processed) throws MessagingException {
		if (processed.isEmpty()) {
			return;
		}
		Message[] batch = processed.toArray(Message[]::new);
		if (this.properties.getAfterProcessing() == InboundMailProperties.AfterProcessing.MOVE) {
			Folder target = folder.getStore().getFolder(this.properties.getMoveTo());
			if (!this.moveTargetExists && !target.exists()) {
				target.create(Folder.HOLDS_MESSAGES);
			}
			try {
				folder.copyMessages(batch, target);
				this.moveTargetExists = true;
			}
			catch (MessagingException ex) {
				this.moveTargetExists = false; // someone may have deleted it: look again next time
				throw ex;
			}
			folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
		}
		else {
			folder.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
		}
	}

	private Store connect() throws MessagingException {
		String protocol = this.properties.getProtocol();
		Properties session = new Properties();
		String timeout = String.valueOf(this.properties.getTimeout().toMillis());
		session.put("mail." + protocol + ".connectiontimeout", timeout);
		session.put("mail." + protocol + ".timeout", timeout);
		this.login.configure(session, protocol);
		Store store = Session.getInstance(session).getStore(protocol);
		int port = (this.properties.getPort() != null) ? this.properties.getPort() : -1;
		String password = this.login.password();
		try {
			store.connect(this.properties.getHost(), port, this.properties.getUsername(), password);
		}
		catch (AuthenticationFailedException ex) {
			// a token the server no longer takes (revoked, or expired early): once more with a new one
			if (!this.login.refused(password)) {
				throw ex;
			}
			log.info("The reply mailbox refused its login; logging in once more with a new one: {}", ex.getMessage());
			store.connect(this.properties.getHost(), port, this.properties.getUsername(), this.login.password());
		}
		return store;
	}

	/**
	 * A message of the batch, with where it lies, its content read (null where it could not be) and the action it
	 * answers (null where none).
	 */
	private record Received(MailboxUid where, Message message, InboundMessage inbound, UUID actionId) {
	}

}
