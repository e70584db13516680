package dev.camundahil.channel.chat;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.camundahil.web.BadRequestException;
import dev.camundahil.web.ProblemJsonApi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat API for callers with an API key: a session's conversation, answers to its pending question, its live
 * stream and links to its page.
 */
@RestController
@RequestMapping(path = "/api/v1/chat/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
@ProblemJsonApi
@Tag(name = "Chat", description = "Conversations of chat HIL tasks")
class ChatApiController {

	private final ChatConversations conversations;

	private final ChatStreams streams;

	ChatApiController(ChatConversations conversations, ChatStreams streams) {
		this.conversations = conversations;
		this.streams = streams;
	}

	@GetMapping("/messages")
	@Operation(summary = "The conversation: each chat question, then its answer or its end, oldest first")
	List<ChatMessage> messages(@PathVariable String sessionId) {
		return this.conversations.messages(sessionId);
	}

	@PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A human's message: answers the given or else the newest pending chat question, with an "
			+ "optional comment; 409 when the session has none",
			description = "The comment is kept with the answer and given to the process as hilComment. When the "
					+ "question has closed, the 409 problem says how: status, respondedBy, respondedAt.")
	ChatReply post(@PathVariable String sessionId, @RequestBody ChatMessageRequest body, Principal principal) {
		return this.conversations.answer(sessionId, body.text, body.user, body.actionId,
				(principal != null) ? principal.getName() : null, body.comment, null);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: ready (the conversation so far), prompt (a new question), "
			+ "status (answered, expired, withdrawn), reminder")
	SseEmitter stream(@PathVariable String sessionId) {
		return this.streams.open(sessionId);
	}

	@PostMapping("/link")
	@Operation(summary = "A signed link to the session's chat page, for a person without an API key",
			description = "With a body {\"user\": \"ann\"} the link is for that person: answers through it carry "
					+ "the name as respondedBy, and the page shows it without letting it be changed. Without a body, "
					+ "answers carry the name typed on the page.")
	ChatLink link(@PathVariable String sessionId, @RequestBody(required = false) ChatLinkRequest body) {
		if (body == null || body.user == null) {
			return this.conversations.link(sessionId);
		}
		try {
			return this.conversations.link(sessionId, body.user);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

}
