package dev.camundahil.channel.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A link to the chat page of one session, valid until {@code expiresAt}, for a person without an API key.
 */
public record ChatLink(String sessionId, String url, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt) {
}
