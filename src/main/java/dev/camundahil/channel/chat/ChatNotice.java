package dev.camundahil.channel.chat;

import java.util.UUID;

import dev.camundahil.action.ActionEvent;

/**
 * What a node tells the others through PostgreSQL {@code NOTIFY} when a chat action changed. Kept small (a
 * notification carries at most 8000 bytes, and a session id at most 255 characters); a node that holds streams of
 * the session reads the action itself.
 *
 * @param node the node that committed the change, which has sent it to its own streams already
 * @param sessionId the chat session
 * @param actionId the action that changed
 * @param event the action event ({@code action.created}, {@code action.completed}, ...)
 */
record ChatNotice(String node, String sessionId, UUID actionId, ActionEvent.Type event) {

	/** The notification channel, in the database of the HIL tables. */
	static final String CHANNEL = "hil_chat";

}
