package dev.camundahil.channel.chat;

import java.util.List;
import java.util.UUID;

/**
 * The result of a chat message: the action it answered, its status now, and the conversation after it.
 */
public record ChatReply(UUID actionId, String status, List<ChatMessage> messages) {
}
