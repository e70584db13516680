package dev.camundahil.channel.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.camundahil.action.ActionClosedException;
import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionNotFoundException;
import dev.camundahil.action.ActionQuery;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.InvalidResponseException;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.links.SignedTokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriUtils;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The chat of a session: the conversation read from its chat actions, answers to its pending question, and signed
 * links to its page. The one entry point of the chat feature, for its API, its page and any embedding application.
 */
public class ChatConversations {

	/** The purpose of chat page tokens. */
	static final String TOKEN_PURPOSE = "chat";

	/** The purpose of chat page tokens issued for a named person; their subject is the session and the name. */
	static final String PERSON_PURPOSE = "chat-person";

	/** The longest name a link may be issued for, as long as a name typed on the page. */
	static final int MAX_USER_LENGTH = 200;

	private static final Logger log = LoggerFactory.getLogger(ChatConversations.class);

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final ActionService actions;

	private final ConversationEntries entries;

	private final SignedTokens tokens;

	private final String baseUrl;

	private final Duration linkLifetime;

	private final int historySize;

	private final Clock clock;

	ChatConversations(ActionService actions, ConversationEntries entries, SignedTokens tokens, String baseUrl,
			Duration linkLifetime, int historySize, Clock clock) {
		this.actions = actions;
		this.entries = entries;
		this.tokens = tokens;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.linkLifetime = linkLifetime;
		this.historySize = historySize;
		this.clock = clock;
	}

	/**
	 * The conversation of a session, oldest first: the prompt of each of its chat actions (the newest
	 * {@code hil.chat.history-size}), each followed by its answer or its end, in the order they happened.
	 */
	public List<ChatMessage> messages(String sessionId) {
		return messages(sessionId, null);
	}

	/**
	 * The conversation, as {@link #messages(String)}, with the lines of questions that name no language in
	 * {@code reader}'s (a page's browser's), else the default.
	 */
	public List<ChatMessage> messages(String sessionId, Locale reader) {
		return this.entries.of(conversation(sessionId), reader);
	}

	/** The conversation as a page's reader reads it, in {@link #readerLanguage(String, String)}. */
	List<ChatMessage> messagesForReader(String sessionId, String acceptLanguage) {
		List<ActionView> conversation = conversation(sessionId);
		return this.entries.of(conversation, readerLanguage(conversation, acceptLanguage));
	}

	/**
	 * The language a reader of the session's page reads: that of its newest chat question naming one, else the best
	 * of the browser's ({@code Accept-Language}), else the default.
	 */
	public Locale readerLanguage(String sessionId, String acceptLanguage) {
		return readerLanguage(conversation(sessionId), acceptLanguage);
	}

	/** The time zone of the session's newest chat question naming one; empty when none does (the browser's then). */
	Optional<String> timeZone(String sessionId) {
		String newest = null;
		for (ActionView action : conversation(sessionId)) {
			newest = (action.timeZone() != null) ? action.timeZone() : newest;
		}
		return Optional.ofNullable(newest);
	}

	private Locale readerLanguage(List<ActionView> oldestFirst, String acceptLanguage) {
		String newest = null;
		for (ActionView action : oldestFirst) {
			newest = (action.locale() != null) ? action.locale() : newest;
		}
		return this.entries.texts().locale(newest, acceptLanguage);
	}

	/** The session's chat actions, the newest {@code hil.chat.history-size}, oldest first. */
	private List<ActionView> conversation(String sessionId) {
		List<ActionView> newestFirst = new ArrayList<>(this.actions
			.list(new ActionQuery(null, null, sessionId, null, ChatChannel.TYPE),
					PageRequest.of(0, this.historySize, NEWEST_FIRST))
			.map(ActionView::of)
			.getContent());
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	/**
	 * Answers a chat question of the session with a human's message. Without an {@code actionId} the message
	 * answers the session's newest pending chat question; the same rules as any response apply (an answer must name
	 * one of the options, ignoring case).
	 * @param userId the authenticated sender recorded in the audit (an API key's name, or the chat link)
	 * @throws ActionConflictException the session has no pending chat question, or it was answered meanwhile
	 * ({@link ActionClosedException} when the question it answers has closed: it says how)
	 * @throws ActionNotFoundException {@code actionId} is not a chat question of this session
	 * @throws InvalidResponseException the text is empty or names none of the options
	 */
	public ChatReply answer(String sessionId, String text, String user, UUID actionId, String userId) {
		return answer(sessionId, text, user, actionId, userId, null, null);
	}

	/**
	 * Answers a chat question as {@link #answer(String, String, String, UUID, String)} does, with a comment beside
	 * the answer (may be null) and the reader's language for the conversation it returns.
	 */
	public ChatReply answer(String sessionId, String text, String user, UUID actionId, String userId, String comment,
			Locale reader) {
		if (text == null || text.isBlank()) {
			throw new InvalidResponseException("'text' is required: the answer to the chat question");
		}
		UUID target = (actionId != null) ? questionOf(sessionId, actionId).getId() : pendingQuestion(sessionId);
		ActionRequest answered = this.actions.respond(target,
				new ResponseCommand(text.strip(), blankToNull(user), userId, ChatChannel.TYPE, null, comment));
		return new ChatReply(answered.getId(), answered.getStatus().value(), messages(sessionId, reader));
	}

	/** A link to the session's chat page, valid for {@code hil.chat.link-lifetime}. */
	public ChatLink link(String sessionId) {
		Instant expiresAt = this.clock.instant().plus(this.linkLifetime);
		String token = this.tokens.issue(TOKEN_PURPOSE, sessionId, expiresAt);
		String url = this.baseUrl + "/chat/" + UriUtils.encodePathSegment(sessionId, UTF_8) + "?token=" + token;
		log.info("Chat link issued for session {}, valid until {}", sessionId, expiresAt);
		return new ChatLink(sessionId, url, expiresAt);
	}

	/**
	 * A link to the session's chat page for one person, valid for {@code hil.chat.link-lifetime}: answers through
	 * it carry their name, whatever the page sends.
	 * @throws IllegalArgumentException the name is empty, too long or holds control characters
	 */
	public ChatLink link(String sessionId, String user) {
		if (user == null) {
			return link(sessionId);
		}
		String name = user.strip();
		if (name.isEmpty() || name.length() > MAX_USER_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("'user' must be a name of 1 to " + MAX_USER_LENGTH
					+ " characters without line breaks");
		}
		Instant expiresAt = this.clock.instant().plus(this.linkLifetime);
		String token = this.tokens.issue(PERSON_PURPOSE, personSubject(sessionId, name), expiresAt);
		String url = this.baseUrl + "/chat/" + UriUtils.encodePathSegment(sessionId, UTF_8) + "?token=" + token;
		log.info("Chat link issued for a named person in session {}, valid until {}", sessionId, expiresAt);
		return new ChatLink(sessionId, url, expiresAt, name);
	}

	/** Whether a chat page token is valid for this session. */
	public SignedTokens.Verdict verify(String sessionId, String token) {
		return access(sessionId, token).verdict();
	}

	/** What a chat page token opens in this session: its verdict, and the person it was issued for. */
	ChatAccess access(String sessionId, String token) {
		SignedTokens.Verdict verdict = this.tokens.verify(token, TOKEN_PURPOSE, sessionId);
		ChatAccess access = (verdict != SignedTokens.Verdict.INVALID) ? new ChatAccess(verdict, null)
				: this.tokens.read(token, PERSON_PURPOSE)
					.flatMap((reading) -> person(sessionId, reading.subject())
						.map((user) -> new ChatAccess(reading.verdict(), user)))
					.orElse(ChatAccess.INVALID);
		if (access.verdict() != SignedTokens.Verdict.VALID) {
			log.debug("Chat link for session {} refused: {}", sessionId, access.verdict());
		}
		return access;
	}

	/** The subject of a person's token: the session, a slash, and the name in base64url (which has no slash). */
	private static String personSubject(String sessionId, String user) {
		return sessionId + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(user.getBytes(UTF_8));
	}

	private static Optional<String> person(String sessionId, String subject) {
		int slash = subject.lastIndexOf('/');
		if (slash < 0 || !subject.substring(0, slash).equals(sessionId)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new String(Base64.getUrlDecoder().decode(subject.substring(slash + 1)), UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A chat question of the session as it is now; empty when it is no longer there. */
	Optional<ActionView> question(String sessionId, UUID actionId) {
		try {
			return Optional.of(ActionView.of(questionOf(sessionId, actionId)));
		}
		catch (ActionNotFoundException ex) {
			return Optional.empty();
		}
	}

	private UUID pendingQuestion(String sessionId) {
		List<ActionRequest> pending = this.actions
			.list(new ActionQuery(ActionStatus.PENDING, null, sessionId, null, ChatChannel.TYPE),
					PageRequest.of(0, 1, NEWEST_FIRST))
			.getContent();
		if (pending.isEmpty()) {
			String message = "Session '" + sessionId + "' has no pending chat question to answer; nothing was recorded";
			// an answer typed after the last question closed is told how that one ended
			List<ActionRequest> newest = this.actions
				.list(new ActionQuery(null, null, sessionId, null, ChatChannel.TYPE), PageRequest.of(0, 1, NEWEST_FIRST))
				.getContent();
			if (!newest.isEmpty()) {
				throw new ActionClosedException(ActionView.of(newest.get(0)), message);
			}
			throw new ActionConflictException(null, message);
		}
		return pending.get(0).getId();
	}

	private ActionRequest questionOf(String sessionId, UUID actionId) {
		ActionRequest action = this.actions.find(actionId);
		if (!sessionId.equals(action.getSessionId()) || !action.getOutputTypes().contains(ChatChannel.TYPE)) {
			// the same answer as for an unknown id: a chat link tells nothing about other sessions
			throw new ActionNotFoundException(actionId);
		}
		return action;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
