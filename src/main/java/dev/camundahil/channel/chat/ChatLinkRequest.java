package dev.camundahil.channel.chat;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.camundahil.web.StrictBody;

/**
 * Body of {@code POST /api/v1/chat/{sessionId}/link}: {@code {"user": "ann"}}, or none for a link for whoever holds
 * it.
 */
class ChatLinkRequest extends StrictBody {

	/** The person the link is for: every answer through it carries this name, and the page cannot change it. */
	@Schema(description = "The person the link is for; answers through it carry this name", example = "ann")
	public String user;

}
