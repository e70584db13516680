package dev.camundahil.reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import dev.camundahil.action.FailureMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a batch from the reply mailbox folder: the failed messages to try again first, then the new ones after
 * the last UID the {@link InboundLedger} has handled, in UID order, up to {@code hil.mail.inbound.batch-size}, each
 * with its content read. Small messages are fetched whole, a batch in one command, since every header and part
 * read where it lies is a round trip of its own to the server.
 */
final class MailboxReader {

	private static final int LOCAL_COPY_LIMIT = 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private final InboundMailProperties properties;

	private final InboundLedger ledger;

	private final InboundMessage.Limits limits;

	MailboxReader(InboundMailProperties properties, InboundLedger ledger, InboundMessage.Limits limits) {
		this.properties = properties;
		this.ledger = ledger;
		this.limits = limits;
	}

	/** The next batch; with {@code retryFailed}, the failed messages to try again ahead of the new ones. */
	Batch read(Folder folder, boolean retryFailed) throws MessagingException {
		UIDFolder uids = (UIDFolder) folder;
		String mailbox = this.properties.getUsername() + "@" + this.properties.getHost() + "/" + folder.getFullName();
		long validity = uids.getUIDValidity();
		long last = this.ledger.lastUid(mailbox, validity);
		List<Message> retried = retryFailed ? failedToRetry(uids, mailbox, validity) : List.of();
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
		List<Fetched> fetched = new ArrayList<>();
		for (Message message : read) {
			MailboxUid where = new MailboxUid(mailbox, validity, uids.getUID(message));
			fetched.add(fetch(where, message));
		}
		return new Batch(mailbox, validity, retried.size(), fetched);
	}

	/** The failed messages to try again. Those no longer in the folder are left failed for good. */
	private List<Message> failedToRetry(UIDFolder uids, String mailbox, long validity) throws MessagingException {
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

	/** The message with its content, or with why its content cannot be read (it is then recorded as failed). */
	private Fetched fetch(MailboxUid where, Message message) {
		try {
			return new Fetched(where, message, InboundMessage.read(local(message), where.fallbackMessageId(),
					this.limits), null);
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			log.debug("Cannot read email {}", where.fallbackMessageId(), ex);
			return new Fetched(where, message, null, "the email cannot be read: " + FailureMessage.of(ex));
		}
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
	 * The message read in one piece: a reply is small, so one fetch of the whole message is far cheaper than a
	 * round trip for every header and part. Large messages (attachments) are read where they lie, only the parts
	 * needed.
	 */
	private static Message local(Message message) throws MessagingException {
		if (message instanceof MimeMessage mime && isSmall(message)) {
			return new MimeMessage(mime);
		}
		return message;
	}

	/** A batch of one folder: the retried messages first, then the new ones. */
	record Batch(String mailbox, long validity, int retried, List<Fetched> messages) {
	}

	/**
	 * A message of the batch, with where it lies and its content; where that could not be read, null and the reason.
	 */
	record Fetched(MailboxUid where, Message message, InboundMessage inbound, String unreadable) {
	}

}
