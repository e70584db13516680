package dev.camundahil.channel.chat;

import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.channel.DispatchReceipt;
import dev.camundahil.channel.OutputChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code chat} output type. A chat conversation is read from the action rows themselves (the question, its
 * options, the answer, the status), so delivering a message writes nothing: the action committed with its creator is
 * already in the conversation, and open chat pages hear of it from {@link ChatStreams} after the commit. That keeps a
 * chat HIL task as cheap as a native user task: no outbox row, no extra transaction.
 */
class ChatChannel implements OutputChannel {

	static final String TYPE = "chat";

	private static final Logger log = LoggerFactory.getLogger(ChatChannel.class);

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public boolean deliversInTransaction() {
		return true;
	}

	@Override
	public DispatchReceipt dispatch(ChannelMessage message) {
		log.debug("Action {} is in the chat of session {} ({})", message.action().id(), message.action().sessionId(),
				message.purpose());
		return DispatchReceipt.delivered();
	}

}
