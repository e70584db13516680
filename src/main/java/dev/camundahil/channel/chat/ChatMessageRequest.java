package dev.camundahil.channel.chat;

import java.util.UUID;

import dev.camundahil.web.StrictBody;

/**
 * Body of a chat message: {@code {"text": "...", "user": "...", "actionId": "...", "comment": "..."}}; unknown
 * fields are refused.
 */
class ChatMessageRequest extends StrictBody {

	/** The message, required: it answers the pending chat question. */
	public String text;

	/** Who wrote it, recorded as {@code respondedBy}. */
	public String user;

	/** The question it answers (a quick reply); without it, the session's newest pending chat question. */
	public UUID actionId;

	/** What the person says beside the answer, optional; kept with it and given to the process as hilComment. */
	public String comment;

}
