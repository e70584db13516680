package dev.camundahil.channel.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A link to the chat page of one session, valid until {@code expiresAt}, for a person without an API key. A link
 * issued for a named person carries their name as {@code user}: answers through it are theirs.
 */
public record ChatLink(String sessionId, String url, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String user) {

	public ChatLink(String sessionId, String url, Instant expiresAt) {
		this(sessionId, url, expiresAt, null);
	}

}
