package dev.camundahil.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.AnswerTransaction;
import dev.camundahil.action.ExpectedResponses;
import dev.camundahil.action.FailureMessage;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.action.NotAnApproverException;
import dev.camundahil.action.AlreadyVotedException;
import dev.camundahil.action.ResponseTooLargeException;
import dev.camundahil.i18n.HilTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one received message in one transaction: the answer, its audit and the ledger entry that marks the
 * message handled commit together, so a message is never handled twice nor lost. Every message ends in an outcome
 * of its own, so that one that cannot be handled never holds up those behind it: when handling throws, the message
 * is recorded as failed, and later polls try it again up to {@code hil.mail.inbound.max-attempts} times.
 */
class ReplyHandler {

	private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);

	private final ReplyMatcher matcher;

	private final ActionService actions;

	private final InboundLedger ledger;

	private final AnswerTransaction answers;

	private final TransactionTemplate transaction;

	private final int maxAttempts;

	private final SenderAuthentication senders;

	private final LateReplyNotices lateNotices;

	private final LateReplyNoticeSender lateNoticeSender;

	ReplyHandler(ReplyMatcher matcher, ActionService actions, InboundLedger ledger, AnswerTransaction answers,
			TransactionTemplate transaction, int maxAttempts, SenderAuthentication senders) {
		this(matcher, actions, ledger, answers, transaction, maxAttempts, senders, null, null);
	}

	/**
	 * @param lateNotices where the messages owed to late repliers are written (null: none are written)
	 * @param lateNoticeSender who writes them
	 */
	ReplyHandler(ReplyMatcher matcher, ActionService actions, InboundLedger ledger, AnswerTransaction answers,
			TransactionTemplate transaction, int maxAttempts, SenderAuthentication senders,
			LateReplyNotices lateNotices, LateReplyNoticeSender lateNoticeSender) {
		this.lateNotices = lateNotices;
		this.lateNoticeSender = lateNoticeSender;
		this.matcher = matcher;
		this.actions = actions;
		this.ledger = ledger;
		this.answers = answers;
		this.transaction = transaction;
		this.maxAttempts = maxAttempts;
		this.senders = senders;
	}

	/**
	 * Handles a message that {@link #actionOf} matched to the given action (null: to none); the action is read
	 * again in the transaction, as it is then. Throws only when not even the failure can be recorded (the database
	 * is out of reach): the message is then read again at the next poll.
	 */
	ReplyOutcome handle(InboundMessage message, UUID actionId, MailboxUid where) {
		try {
			return settle(message, actionId);
		}
		catch (RuntimeException ex) {
			return failed(message, actionId, where, ex);
		}
	}

	/**
	 * Records a message whose content cannot be read as failed, by its Message-ID where its headers can be read, so
	 * that it is read again at the next polls, up to {@code hil.mail.inbound.max-attempts}, instead of being passed
	 * over unseen. Its action is not known, so there is no audit entry.
	 */
	ReplyOutcome unreadable(Message message, MailboxUid where, String error) {
		String messageId = messageIdOr(message, where.fallbackMessageId());
		String from = senderOf(message);
		int attempts = this.transaction.execute((status) -> this.ledger.recordFailed(messageId, from, null, where,
				error));
		log.warn("Email {} from {} could not be read (attempt {} of {}; {}): {}", messageId, from, attempts,
				this.maxAttempts, (attempts < this.maxAttempts) ? "tried again at the next poll" : "left failed", error);
		return ReplyOutcome.of(ReplyOutcome.Kind.FAILED, null);
	}

	/** The action a message is about, if any; matched outside any transaction, once per message. */
	Optional<UUID> actionOf(InboundMessage message) {
		return this.matcher.match(message);
	}

	private ReplyOutcome settle(InboundMessage message, UUID actionId) {
		try {
			return this.answers.run(() -> decide(message, actionId));
		}
		catch (AlreadyVotedException ex) {
			// the action still waits for the others: the sender is told their first vote stands, not that it ended
			return this.transaction.execute((status) -> {
				ActionRequest action = this.actions.find(actionId);
				return rejected(message, action, "the sender already voted",
						texts().get("reply.rejected.already-voted", locale(action), earlierVote(action, message.from())));
			});
		}
		catch (ActionConflictException ex) {
			// someone else ended the action between our read and our answer: record the reply as late
			return this.transaction.execute((status) -> late(message, ex.getActionId()));
		}
		catch (NotAnApproverException ex) {
			// a recipient who is not among the approvers of an action that several approvers decide
			return this.transaction.execute((status) -> {
				ActionRequest action = this.actions.find(actionId);
				return rejected(message, action, "the sender is not an approver",
						texts().get("reply.rejected.not-an-approver", locale(action)));
			});
		}
		catch (ResponseTooLargeException ex) {
			String why = lowerFirst(ex.getMessage());
			return this.transaction.execute((status) -> {
				ActionRequest action = this.actions.find(actionId);
				return rejected(message, action, "the answer is too large: " + why,
						texts().get("reply.rejected.answer-too-large", locale(action), why));
			});
		}
	}

	private ReplyOutcome decide(InboundMessage message, UUID actionId) {
		if (this.ledger.isHandled(message.messageId())) {
			return ReplyOutcome.of(ReplyOutcome.Kind.DUPLICATE, null);
		}
		Optional<ActionRequest> found = Optional.ofNullable(actionId).flatMap(this.actions::lookup);
		if (found.isEmpty()) {
			log.info("Email {} from a sender matches no action; left alone", message.messageId());
			this.ledger.recordHandled(message, null, ReplyOutcome.Kind.UNMATCHED);
			return ReplyOutcome.of(ReplyOutcome.Kind.UNMATCHED, null);
		}
		ActionRequest action = found.get();
		if (message.autoReplyReason().isPresent()) {
			audit(action, AuditEvents.REPLY_IGNORED, message, "reason", message.autoReplyReason().get());
			return recorded(message, action, ReplyOutcome.Kind.IGNORED);
		}
		List<ActionRecipient> recipients = this.actions.recipients(action.getId());
		boolean recipient = isRecipient(action, recipients, message.from());
		Optional<ActionRecipient> passedOn = recipient ? Optional.empty() : passedOnBy(recipients, message.from());
		if (!recipient && passedOn.isEmpty()) {
			audit(action, AuditEvents.REPLY_REJECTED, message, "reason", "the sender is not one of the addressed recipients");
			return recorded(message, action, ReplyOutcome.Kind.REJECTED);
		}
		Optional<String> unvouched = this.senders.refusal(message.from(), message.authenticationResults());
		if (unvouched.isPresent()) {
			// no notice: the From may be forged, and its owner did not write
			log.warn("Email {} to action {} rejected: {}", message.messageId(), action.getId(), unvouched.get());
			audit(action, AuditEvents.REPLY_REJECTED, message, "reason", unvouched.get());
			return recorded(message, action, ReplyOutcome.Kind.REJECTED);
		}
		if (passedOn.isPresent()) {
			// they may not know yet that the question went to someone else: say to whom, and since when
			ActionRecipient former = passedOn.get();
			return rejected(message, action, "the sender passed the action on",
					texts().get("reply.rejected.passed-on", locale(action), String.join(", ", former.passedTo()),
							texts().dateTime(former.removedAt(), locale(action), texts().timeZone(action.getTimeZone()))));
		}
		if (!action.isPending()) {
			return late(message, action.getId());
		}
		if (message.tooLarge().isPresent()) {
			return rejected(message, action, "the reply is not read: " + message.tooLarge().get(),
					texts().get("reply.rejected.too-large", locale(action), message.tooLarge().get()));
		}
		List<String> options = ExpectedResponses.of(action);
		Optional<AnswerReader.Answer> answer = AnswerReader.answer(message.typedText(), options);
		if (answer.isEmpty()) {
			if (options.isEmpty()) {
				audit(action, AuditEvents.REPLY_REJECTED, message, "reason", "the reply is empty");
				return recorded(message, action, ReplyOutcome.Kind.REJECTED);
			}
			return rejected(message, action, "the reply names none of the options " + options,
					texts().get("reply.rejected.no-option", locale(action)) + "\n\n" + String.join("\n", options)
							+ "\n");
		}
		this.actions.respond(action.getId(), new ResponseCommand(answer.get().value(), message.from(), null, "email",
				null, answer.get().comment()));
		audit(action, AuditEvents.REPLY_ACCEPTED, message, "answer", answer.get().value());
		log.info("Action {} answered by email {}", action.getId(), message.messageId());
		return recorded(message, action, ReplyOutcome.Kind.APPLIED);
	}

	/**
	 * A reply that came after its action closed. Its sender is owed one message saying how the action ended, at
	 * most one per action and sender, written here and sent after commit; auto-replies never get here.
	 */
	private ReplyOutcome late(InboundMessage message, UUID actionId) {
		ActionRequest action = this.actions.find(actionId);
		audit(action, AuditEvents.REPLY_LATE, message, "status", action.getStatus().value());
		this.ledger.recordHandled(message, action.getId(), ReplyOutcome.Kind.LATE);
		boolean owed = this.lateNotices != null && message.from() != null
				&& this.lateNotices.record(this.lateNoticeSender.noticeFor(action, message));
		return new ReplyOutcome(ReplyOutcome.Kind.LATE, action.getId(), null, owed ? message.from() : null);
	}

	/** A reply not taken, whose sender is told why. */
	private ReplyOutcome rejected(InboundMessage message, ActionRequest action, String reason, String notice) {
		audit(action, AuditEvents.REPLY_REJECTED, message, "reason", reason);
		this.ledger.recordHandled(message, action.getId(), ReplyOutcome.Kind.REJECTED);
		return new ReplyOutcome(ReplyOutcome.Kind.REJECTED, action.getId(), notice);
	}

	/** What the sender voted before, as the votes keep it. */
	private static String earlierVote(ActionRequest action, String from) {
		return action.voteOf(from).map((vote) -> String.valueOf(vote.value())).orElse("");
	}

	private ReplyOutcome recorded(InboundMessage message, ActionRequest action, ReplyOutcome.Kind outcome) {
		this.ledger.recordHandled(message, action.getId(), outcome);
		return ReplyOutcome.of(outcome, action.getId());
	}

	private ReplyOutcome failed(InboundMessage message, UUID actionId, MailboxUid where, RuntimeException ex) {
		String error = FailureMessage.of(ex);
		int attempts = this.transaction.execute((status) -> {
			int failed = this.ledger.recordFailed(message, actionId, where, error);
			if (actionId != null) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("messageId", message.messageId());
				data.put("from", message.from());
				data.put("reason", error);
				data.put("attempt", failed);
				data.put("triedAgain", failed < this.maxAttempts);
				this.actions.recordReply(actionId, AuditEvents.REPLY_FAILED, data, message.from());
			}
			return failed;
		});
		log.warn("Email {} could not be handled (attempt {} of {}; {}): {}", message.messageId(), attempts,
				this.maxAttempts, (attempts < this.maxAttempts) ? "tried again at the next poll" : "left failed", error);
		return ReplyOutcome.of(ReplyOutcome.Kind.FAILED, actionId);
	}

	/** The Message-ID of a message whose body could not be read, as far as its headers can be; else the fallback. */
	private static String messageIdOr(Message message, String fallback) {
		try {
			return InboundMessage.idOf(message, fallback);
		}
		catch (MessagingException | RuntimeException ex) {
			return fallback;
		}
	}

	/** The sender of a message whose body could not be read, as far as its headers can be; else null. */
	private static String senderOf(Message message) {
		try {
			return InboundMessage.senderOf(message);
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private void audit(ActionRequest action, String event, InboundMessage message, String key, String value) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("messageId", message.messageId());
		data.put("from", message.from());
		data.put(key, value);
		this.actions.recordReply(action.getId(), event, data, message.from());
	}

	/**
	 * Whether the sender has the action: one of its current recipients (a reassignment may have removed some and
	 * added others), or, for an action opened before recipients were kept, one of its {@code to} and {@code cc}.
	 */
	private static boolean isRecipient(ActionRequest action, List<ActionRecipient> recipients, String sender) {
		if (sender == null) {
			return false;
		}
		if (!recipients.isEmpty()) {
			return recipients.stream()
				.filter(ActionRecipient::isActive)
				.anyMatch((recipient) -> bareAddress(recipient.address()).equalsIgnoreCase(sender));
		}
		return Stream.of("to", "cc")
			.map((field) -> action.getArgs().get(field))
			.filter(List.class::isInstance)
			.flatMap((list) -> ((List<?>) list).stream())
			.map(String::valueOf)
			.map(ReplyHandler::bareAddress)
			.anyMatch(sender::equalsIgnoreCase);
	}

	/** The sender as a recipient a reassignment removed, if they are one and no longer have the action. */
	private static Optional<ActionRecipient> passedOnBy(List<ActionRecipient> recipients, String sender) {
		if (sender == null) {
			return Optional.empty();
		}
		return recipients.stream()
			.filter((recipient) -> !recipient.isActive())
			.filter((recipient) -> bareAddress(recipient.address()).equalsIgnoreCase(sender))
			.findFirst();
	}

	/** "Ann Example <Ann@Example.com>" to "ann@example.com". */
	static String bareAddress(String address) {
		int open = address.lastIndexOf('<');
		int close = address.lastIndexOf('>');
		String bare = (open >= 0 && close > open) ? address.substring(open + 1, close) : address;
		return bare.strip().toLowerCase(Locale.ROOT);
	}

	/** The texts of the messages to senders, in the action's language. */
	private HilTexts texts() {
		return (this.lateNoticeSender != null) ? this.lateNoticeSender.texts() : HilTexts.defaults();
	}

	private Locale locale(ActionRequest action) {
		return texts().locale(action.getLocale());
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

}
