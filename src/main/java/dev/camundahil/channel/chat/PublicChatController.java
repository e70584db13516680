package dev.camundahil.channel.chat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;

import dev.camundahil.action.ActionClosedException;
import dev.camundahil.action.ActionResponse;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.i18n.HilTexts;
import dev.camundahil.web.ProblemJsonApi;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the chat page calls: the same conversation, answers and stream as the API, for a person without an API key
 * who holds a signed link to the session. The token comes as the {@code token} query parameter or the
 * {@code X-Chat-Token} header; a missing, forged, expired or other session's token is a 403 and nothing is read or
 * written.
 */
@RestController
@RequestMapping(path = "/chat/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
@ProblemJsonApi
@Hidden
class PublicChatController {

	static final String TOKEN_HEADER = "X-Chat-Token";

	/** The audit user of answers from the chat page: whoever holds the session's link. */
	static final String LINK_USER = "chat-link";

	private final ChatConversations conversations;

	private final ChatStreams streams;

	private final ObjectMapper json;

	private final DataSize maxMessageSize;

	private final HilTexts texts;

	PublicChatController(ChatConversations conversations, ChatStreams streams, ObjectMapper json,
			DataSize maxMessageSize, HilTexts texts) {
		this.conversations = conversations;
		this.streams = streams;
		this.json = json;
		this.maxMessageSize = maxMessageSize;
		this.texts = texts;
	}

	@GetMapping("/messages")
	List<ChatMessage> messages(@PathVariable String sessionId, @RequestParam(required = false) String token,
			@RequestHeader(name = TOKEN_HEADER, required = false) String header,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		check(sessionId, token, header);
		return this.conversations.messagesForReader(sessionId, acceptLanguage);
	}

	@PostMapping("/messages")
	ChatReply post(@PathVariable String sessionId, @RequestParam(required = false) String token,
			@RequestHeader(name = TOKEN_HEADER, required = false) String header,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
			HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		ChatAccess access = this.conversations.access(sessionId, (header != null) ? header : token);
		ChatLinkCheck.require(access.verdict());
		ChatMessageRequest body = read(request);
		// a link for a named person answers as them, whatever name the page sends
		String user = (access.user() != null) ? access.user() : body.user;
		return this.conversations.answer(sessionId, body.text, user, body.actionId, LINK_USER, body.comment,
				this.conversations.readerLanguage(sessionId, acceptLanguage));
	}

	/**
	 * An answer to a question that has closed: a 409 whose detail is the outcome line the page shows, in the
	 * question's language (else the reader's), with {@code status}, {@code respondedBy} and {@code respondedAt}.
	 */
	@ExceptionHandler(ActionClosedException.class)
	ResponseEntity<ProblemDetail> tooLate(ActionClosedException ex, HttpServletRequest request) {
		ActionView action = ex.getAction();
		Locale locale = (action.locale() != null) ? this.texts.locale(action.locale())
				: this.texts.locale(null, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		ActionResponse response = action.response();
		boolean answered = action.status() == ActionStatus.COMPLETED && response != null;
		String line = this.texts.outcome(action.status().value(),
				answered ? String.valueOf(response.value()) : null, answered ? response.respondedBy() : null,
				answered ? response.timestamp() : action.updatedAt(), locale, this.texts.timeZone(action.timeZone()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.texts.get("chat.too-late", locale, line));
		problem.setTitle("Action not pending");
		problem.setProperty("actionId", action.id());
		problem.setProperty("status", action.status().value());
		if (answered) {
			problem.setProperty("respondedBy", response.respondedBy());
			problem.setProperty("respondedAt", String.valueOf(response.timestamp()));
		}
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.body(problem);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable String sessionId, @RequestParam(required = false) String token,
			@RequestHeader(name = TOKEN_HEADER, required = false) String header) {
		check(sessionId, token, header);
		return this.streams.open(sessionId);
	}

	private void check(String sessionId, String token, String header) {
		ChatLinkCheck.require(this.conversations.verify(sessionId, (header != null) ? header : token));
	}

	/**
	 * Reads the body with a limit of its own: the public paths are outside the API's body limit, and a page posts
	 * nothing larger than a short message.
	 */
	private ChatMessageRequest read(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		MediaType type = contentType(request);
		if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON), HttpMethod.POST);
		}
		long max = this.maxMessageSize.toBytes();
		byte[] body = (request.getContentLengthLong() > max) ? null
				: request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
		if (body == null || body.length > max) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"A chat message may be at most " + this.maxMessageSize.toKilobytes() + " KB");
			problem.setTitle("Message too large");
			throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
		}
		ChatMessageRequest message;
		try {
			message = this.json.readValue(body, ChatMessageRequest.class);
		}
		catch (JsonProcessingException ex) {
			throw new HttpMessageNotReadableException("Chat message not readable", ex,
					new ServletServerHttpRequest(request));
		}
		if (message == null) {
			// the body was JSON null: no message at all, as Spring MVC treats a missing required body
			throw new HttpMessageNotReadableException("Chat message missing", new ServletServerHttpRequest(request));
		}
		return message;
	}

	/** The body's type; none when the header is missing or no media type at all, which is refused as either. */
	private static MediaType contentType(HttpServletRequest request) {
		try {
			return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
