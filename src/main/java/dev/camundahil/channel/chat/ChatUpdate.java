package dev.camundahil.channel.chat;

import java.util.List;
import java.util.UUID;

/**
 * What a live stream sends when an action of the session changes: the event ({@code action.created},
 * {@code action.completed}, ...), the action, and its entries in the conversation as they are now.
 */
record ChatUpdate(String event, UUID actionId, String status, List<ChatMessage> messages) {
}
