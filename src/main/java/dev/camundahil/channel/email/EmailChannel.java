package dev.camundahil.channel.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionView;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.channel.DispatchReceipt;
import dev.camundahil.channel.OutputChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The {@code email} output type: sends an action's question with Spring's {@link JavaMailSender}
 * ({@code spring.mail.*}) as text and HTML, with a button per option that opens the signed response page, as one
 * copy per recipient whose buttons are bound to them (the visible headers stay as the task set them); SMTP
 * connections stay open between emails ({@code hil.mail.connection-idle-timeout}). The {@code Message-ID} it
 * generates is returned in the receipt, so that replies can be matched to the action; the
 * action id also travels in the {@code X-HIL-Action-Id} header and in the subject as {@code [HIL-<id>]}.
 * <p>
 * Each copy that goes out for a dispatch outbox row is recorded at once ({@link EmailCopies}): a retry of the row
 * sends only the copies still owed, with the same {@code Message-ID}. A copy the server refuses for good (a 5xx
 * reply to its address) does not stop the others; once they are out the dispatch fails at once, naming the refused
 * address, since no retry would change the server's mind.
 */
public class EmailChannel implements OutputChannel {

	public static final String TYPE = "email";

	/** Header naming the action an email is about. */
	public static final String ACTION_ID_HEADER = "X-HIL-Action-Id";

	private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final SmtpConnections connections;

	private final StreamProviderShortcut streamProviders = new StreamProviderShortcut();

	private final EmailComposer composer;

	private final ActionService actions;

	/** Null without a database (then every attempt sends every copy). */
	private final EmailCopies sentCopies;

	private final InternetAddress from;

	private final InternetAddress replyTo;

	private final boolean replyToPlusAddress;

	EmailChannel(ObjectProvider<JavaMailSender> mailSender, SmtpConnections connections, EmailComposer composer,
			ActionService actions, EmailCopies sentCopies, String from, String replyTo, boolean replyToPlusAddress) {
		this.mailSender = mailSender;
		this.actions = actions;
		this.sentCopies = sentCopies;
		this.connections = connections;
		this.composer = composer;
		this.from = address("hil.mail.from", from);
		this.replyTo = (replyTo != null && !replyTo.isBlank()) ? address("hil.mail.reply-to", replyTo) : null;
		this.replyToPlusAddress = replyToPlusAddress;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public DispatchReceipt dispatch(ChannelMessage message) throws Exception {
		return this.streamProviders.call(() -> send(message));
	}

	/** The task's {@code to}, {@code cc} and {@code bcc}, each of whom gets a copy with links of their own. */
	@Override
	public List<String> recipients(ActionView action) {
		Map<String, Object> args = (action.args() != null) ? action.args() : Map.of();
		List<String> people = new ArrayList<>();
		for (String field : new String[] { "to", "cc", "bcc" }) {
			EmailArgs.addresses(field, args.get(field)).forEach((address) -> people.add(address.getAddress()));
		}
		return people;
	}

	private DispatchReceipt send(ChannelMessage message) throws Exception {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			throw new EmailAttemptException("no mail server is configured: set spring.mail.host (and "
					+ "spring.mail.port, username, password) to send HIL emails");
		}
		ActionView action = message.action();
		Map<String, Object> args = message.args();
		List<InternetAddress> to;
		List<InternetAddress> cc;
		List<InternetAddress> bcc;
		try {
			to = EmailArgs.addresses("to", args.get("to"));
			cc = EmailArgs.addresses("cc", args.get("cc"));
			bcc = EmailArgs.addresses("bcc", args.get("bcc"));
		}
		catch (IllegalArgumentException ex) {
			throw new EmailDispatchException(ex.getMessage());
		}
		if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
			throw new EmailDispatchException("action " + action.id() + " has no email recipients: the HIL task "
					+ "must set 'to'");
		}
		String messageId = "<" + UUID.randomUUID() + "@" + domain(this.from) + ">";
		List<ActionRecipient> copies = copies(message);
		if (copies == null) {
			// an action opened before recipients were kept: one email to all, with links bound to the action
			EmailContent content = this.composer.compose(message);
			MimeMessage mime = sender.createMimeMessage();
			build(mime, message, content, to, cc, bcc, messageId);
			this.connections.send(sender, mime);
			logSent(message, to.size() + cc.size() + bcc.size(), content, messageId);
			return DispatchReceipt.withMessageId(messageId);
		}
		if (copies.isEmpty()) {
			log.info("Nothing to send for action {}: the recipient it was for no longer has it", action.id());
			return new DispatchReceipt(null, Map.of("recipients", 0));
		}
		// one copy has no others to hold back on a retry: only several are worth a row each
		boolean tracked = copies.size() > 1;
		Map<String, String> sentBefore = tracked ? sentBefore(message) : Map.of();
		if (!sentBefore.isEmpty()) {
			// the copies an earlier attempt sent went out with this Message-ID: the rest join them
			messageId = sentBefore.values().iterator().next();
		}
		List<ActionRecipient> owed = copies.stream()
			.filter((recipient) -> !sentBefore.containsKey(EmailCopies.key(recipient.address())))
			.toList();
		int earlier = copies.size() - owed.size();
		int sent = 0;
		int attachments = 0;
		List<String> refused = new ArrayList<>();
		for (ActionRecipient recipient : owed) {
			try {
				attachments = sendCopy(sender, message, recipient, to, cc, messageId);
			}
			catch (Exception ex) {
				String refusal = refusal(ex);
				if (refusal != null) {
					// this address will not take the email on a retry either: the others still get theirs now
					refused.add(recipient.address() + " (" + refusal + ")");
					continue;
				}
				if (earlier + sent == 0 && refused.isEmpty()) {
					throw ex;
				}
				logPartial(message, earlier + sent, copies.size(), messageId);
				throw new EmailAttemptException(sentText(earlier + sent, copies.size()) + refusedText(refused)
						+ "; the copy to " + recipient.address() + " failed: " + describe(ex), ex,
						sentAs(earlier + sent, messageId));
			}
			if (tracked) {
				recordSent(message, recipient, messageId);
			}
			sent++;
		}
		if (!refused.isEmpty()) {
			logPartial(message, earlier + sent, copies.size(), messageId);
			throw new EmailDispatchException(sentText(earlier + sent, copies.size()) + refusedText(refused), null,
					sentAs(earlier + sent, messageId));
		}
		if (earlier == 0) {
			log.info("Sent {} email for action {} as {} cop(ies), one per recipient, {} attachment(s), Message-ID {}",
					kind(message), action.id(), copies.size(), attachments, messageId);
		}
		else if (sent == 0) {
			log.info("All {} copies of the {} email for action {} went out on earlier attempts, Message-ID {}",
					copies.size(), kind(message), action.id(), messageId);
		}
		else {
			log.info("Sent the {} cop(ies) still owed of the {} email for action {} ({} of {} went out on an earlier "
					+ "attempt), Message-ID {}", sent, kind(message), action.id(), earlier, copies.size(), messageId);
		}
		return new DispatchReceipt(messageId, Map.of("recipients", copies.size()));
	}

	/** Sends one recipient's copy and returns how many attachments it had. */
	private int sendCopy(JavaMailSender sender, ChannelMessage message, ActionRecipient recipient,
			List<InternetAddress> to, List<InternetAddress> cc, String messageId) throws Exception {
		EmailContent content = this.composer.compose(message, recipient);
		InternetAddress person = new InternetAddress(recipient.address());
		Envelope envelope = new Envelope(sender.createMimeMessage().getSession(), person);
		if (recipient.addedBy() == null) {
			// the visible headers stay as the task set them; only the envelope names this one person
			build(envelope, message, content, to, cc, List.of(), messageId);
		}
		else {
			build(envelope, message, content, List.of(person), List.of(), List.of(), messageId);
		}
		this.connections.send(sender, envelope);
		return content.attachments().size();
	}

	/** The copies earlier attempts of this message's dispatch row sent, by address; none outside the outbox. */
	private Map<String, String> sentBefore(ChannelMessage message) {
		if (message.dispatchId() == null || this.sentCopies == null) {
			return Map.of();
		}
		return this.sentCopies.sent(message.dispatchId());
	}

	private void recordSent(ChannelMessage message, ActionRecipient recipient, String messageId) {
		if (message.dispatchId() != null && this.sentCopies != null) {
			this.sentCopies.record(message.dispatchId(), recipient.address(), messageId, Instant.now());
		}
	}

	/** The Message-ID to record for a dispatch that failed part way: none while no copy went out. */
	private static String sentAs(int sent, String messageId) {
		return (sent > 0) ? messageId : null;
	}

	private static void logPartial(ChannelMessage message, int sent, int copies, String messageId) {
		log.info("Sent {} of {} copies of the {} email for action {}, Message-ID {}; {} owed, sent when the dispatch "
				+ "is retried", sent, copies, kind(message), message.action().id(), messageId, copies - sent);
	}

	private static String sentText(int sent, int copies) {
		return "sent " + sent + " of " + copies + " copies, " + (copies - sent) + " owed";
	}

	private static String refusedText(List<String> refused) {
		return refused.isEmpty() ? "" : "; the mail server refused for good " + String.join(", ", refused);
	}

	/**
	 * The mail server's permanent refusal of the one address a copy went to (a 5xx reply to it, which JavaMail
	 * reports as an invalid address), or null for any other failure, which a retry may overcome.
	 */
	static String refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				Exception reply = failed.getNextException();
				String text = (reply != null && reply.getMessage() != null) ? reply.getMessage() : failed.getMessage();
				return (text != null) ? text.strip() : "refused";
			}
			if (cause instanceof MailSendException send) {
				for (Exception failure : send.getFailedMessages().values()) {
					String refusal = refusal(failure);
					if (refusal != null) {
						return refusal;
					}
				}
			}
		}
		return null;
	}

	private static String describe(Throwable ex) {
		String text = ex.getMessage();
		return ex.getClass().getSimpleName() + ((text != null && !text.isBlank()) ? ": " + text : "");
	}

	/**
	 * The recipients who get a copy of this message: the one it is for, or for a request everyone the task
	 * addressed (those a reassignment added get one of their own), for a reminder everyone who has the action now.
	 * Null for an action without recipients, opened before they were kept.
	 */
	private List<ActionRecipient> copies(ChannelMessage message) {
		List<ActionRecipient> all = this.actions.recipients(message.action().id());
		if (all.isEmpty()) {
			return null;
		}
		return all.stream().filter(ActionRecipient::isActive).filter((recipient) -> {
			if (message.recipient() != null) {
				return recipient.address().equalsIgnoreCase(message.recipient());
			}
			return message.isReminder() || recipient.addedBy() == null;
		}).toList();
	}

	private void build(MimeMessage mime, ChannelMessage message, EmailContent content, List<InternetAddress> to,
			List<InternetAddress> cc, List<InternetAddress> bcc, String messageId) throws Exception {
		ActionView action = message.action();
		MimeMessageHelper helper = new MimeHelper(mime);
		helper.setFrom(this.from);
		if (this.replyTo != null) {
			helper.setReplyTo(replyAddress(action));
		}
		if (!to.isEmpty()) {
			helper.setTo(to.toArray(InternetAddress[]::new));
		}
		if (!cc.isEmpty()) {
			helper.setCc(cc.toArray(InternetAddress[]::new));
		}
		if (!bcc.isEmpty()) {
			helper.setBcc(bcc.toArray(InternetAddress[]::new));
		}
		helper.setSubject(content.subject());
		helper.setText(content.text(), content.html());
		for (Attachment attachment : content.attachments()) {
			helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
					attachment.contentType());
		}
		mime.setHeader(ACTION_ID_HEADER, action.id().toString());
		// RFC 3834: no out-of-office answers to a machine's message
		mime.setHeader("Auto-Submitted", "auto-generated");
		// the sender saves the message once before sending and keeps a Message-ID that is set, as Spring's does
		mime.setHeader("Message-ID", messageId);
		if (message.isReminder() && message.requestMessageId() != null) {
			// RFC 5322: mail clients show the reminder in the thread of the request it reminds of
			mime.setHeader("In-Reply-To", message.requestMessageId());
			mime.setHeader("References", message.requestMessageId());
		}
	}

	/** What a message is, for the log: "request" or "reminder". */
	private static String kind(ChannelMessage message) {
		return message.isReminder() ? "reminder" : "request";
	}

	private static void logSent(ChannelMessage message, int recipients, EmailContent content, String messageId) {
		log.info("Sent {} email for action {} to {} recipient(s), {} attachment(s), Message-ID {}",
				kind(message), message.action().id(), recipients,
				content.attachments().size(), messageId);
	}

	private InternetAddress replyAddress(ActionView action) throws AddressException {
		if (!this.replyToPlusAddress) {
			return this.replyTo;
		}
		String address = this.replyTo.getAddress();
		int at = address.lastIndexOf('@');
		InternetAddress plus = new InternetAddress(address.substring(0, at) + "+" + action.id() + address.substring(at));
		try {
			plus.setPersonal(this.replyTo.getPersonal(), "UTF-8");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		return plus;
	}

	private static String domain(InternetAddress address) {
		String value = address.getAddress();
		int at = value.lastIndexOf('@');
		return (at >= 0 && at < value.length() - 1) ? value.substring(at + 1) : "camunda-hil.local";
	}

	/**
	 * A message whose envelope may name one person while its headers show everyone the task addressed: mail
	 * senders deliver to {@link #getAllRecipients()}, as SMTP's RCPT TO.
	 */
	private static final class Envelope extends MimeMessage {

		private final InternetAddress person;

		Envelope(Session session, InternetAddress person) {
			super(session);
			this.person = person;
		}

		@Override
		public Address[] getAllRecipients() {
			return new Address[] { this.person };
		}

	}

	private static InternetAddress address(String property, String value) {
		try {
			InternetAddress address = new InternetAddress(value, true);
			address.validate();
			return address;
		}
		catch (AddressException | NullPointerException ex) {
			throw new IllegalStateException(property + " must be an email address, not '" + value + "'");
		}
	}

}
