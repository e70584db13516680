package dev.camundahil.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionRequestRepository;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ExpectedResponses;
import dev.camundahil.action.ResponseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one received message in one transaction: the answer, its audit and the ledger entry that marks the
 * message handled commit together, so a message is never handled twice nor lost.
 */
class ReplyHandler {

	static final String REPLY_REJECTED = "reply_rejected";

	static final String REPLY_LATE = "reply_late";

	static final String REPLY_IGNORED = "reply_ignored";

	static final String REPLY_ACCEPTED = "reply_accepted";

	private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);

	private final ReplyMatcher matcher;

	private final ActionService actions;

	private final ActionRequestRepository actionRequests;

	private final InboundLedger ledger;

	private final TransactionTemplate transaction;

	ReplyHandler(ReplyMatcher matcher, ActionService actions, ActionRequestRepository actionRequests,
			InboundLedger ledger, TransactionTemplate transaction) {
		this.matcher = matcher;
		this.actions = actions;
		this.actionRequests = actionRequests;
		this.ledger = ledger;
		this.transaction = transaction;
	}

	/**
	 * Handles a message that {@link #actionOf} matched to the given action (null: to none); the action is read
	 * again in the transaction, as it is then.
	 */
	ReplyOutcome handle(InboundMessage message, UUID actionId) {
		try {
			return this.transaction.execute((status) -> decide(message, actionId));
		}
		catch (ActionConflictException ex) {
			// someone else ended the action between our read and our answer: record the reply as late
			return this.transaction.execute((status) -> late(message, ex.getActionId()));
		}
	}

	/** The action a message is about, if any; matched outside any transaction, once per message. */
	Optional<UUID> actionOf(InboundMessage message) {
		return this.matcher.match(message);
	}

	private ReplyOutcome decide(InboundMessage message, UUID actionId) {
		if (this.ledger.isHandled(message.messageId())) {
			return ReplyOutcome.of("duplicate", null);
		}
		Optional<ActionRequest> found = Optional.ofNullable(actionId).flatMap(this.actionRequests::findById);
		if (found.isEmpty()) {
			log.info("Email {} from a sender matches no action; left alone", message.messageId());
			this.ledger.recordHandled(message, null, "unmatched");
			return ReplyOutcome.of("unmatched", null);
		}
		ActionRequest action = found.get();
		if (message.autoReplyReason().isPresent()) {
			audit(action, REPLY_IGNORED, message, "reason", message.autoReplyReason().get());
			return recorded(message, action, "ignored");
		}
		if (!isRecipient(action, message.from())) {
			audit(action, REPLY_REJECTED, message, "reason", "the sender is not one of the addressed recipients");
			return recorded(message, action, "rejected");
		}
		if (!action.isPending()) {
			return late(message, action.getId());
		}
		List<String> options = ExpectedResponses.of(action);
		Optional<String> answer = AnswerReader.read(message.typedText(), options);
		if (answer.isEmpty()) {
			audit(action, REPLY_REJECTED, message, "reason",
					options.isEmpty() ? "the reply is empty" : "the reply names none of the options " + options);
			this.ledger.recordHandled(message, action.getId(), "rejected");
			return new ReplyOutcome("rejected", action.getId(), options.isEmpty() ? List.of() : options);
		}
		this.actions.respond(action.getId(), new ResponseCommand(answer.get(), message.from(), null, "email", null));
		audit(action, REPLY_ACCEPTED, message, "answer", answer.get());
		log.info("Action {} answered by email {}", action.getId(), message.messageId());
		return recorded(message, action, "completed");
	}

	private ReplyOutcome late(InboundMessage message, UUID actionId) {
		ActionRequest action = this.actions.find(actionId);
		audit(action, REPLY_LATE, message, "status", action.getStatus().value());
		return recorded(message, action, "late");
	}

	private ReplyOutcome recorded(InboundMessage message, ActionRequest action, String outcome) {
		this.ledger.recordHandled(message, action.getId(), outcome);
		return ReplyOutcome.of(outcome, action.getId());
	}

	private void audit(ActionRequest action, String event, InboundMessage message, String key, String value) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("messageId", message.messageId());
		data.put("from", message.from());
		data.put(key, value);
		this.actions.audit(action.getId(), event, data, message.from());
	}

	private static boolean isRecipient(ActionRequest action, String sender) {
		if (sender == null) {
			return false;
		}
		return Stream.of("to", "cc")
			.map((field) -> action.getArgs().get(field))
			.filter(List.class::isInstance)
			.flatMap((list) -> ((List<?>) list).stream())
			.map(String::valueOf)
			.map(ReplyHandler::bareAddress)
			.anyMatch(sender::equalsIgnoreCase);
	}

	/** "Ann Example <Ann@Example.com>" to "ann@example.com". */
	static String bareAddress(String address) {
		int open = address.lastIndexOf('<');
		int close = address.lastIndexOf('>');
		String bare = (open >= 0 && close > open) ? address.substring(open + 1, close) : address;
		return bare.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
