package dev.camundahil.channel.chat;

import java.util.List;
import java.util.UUID;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionStatus;

/**
 * What a live stream sends when an action of the session changes: the event ({@code action.created},
 * {@code action.completed}, ...), the action, and its entries in the conversation as they are now.
 */
record ChatUpdate(ActionEvent.Type event, UUID actionId, ActionStatus status, List<ChatMessage> messages) {
}
