package dev.camundahil.app;

import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.channel.DispatchReceipt;
import dev.camundahil.channel.OutputChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The custom channel of the example process {@code custom-channel.bpmn}: it only logs that an action (or a
 * reminder) is waiting. A real one would post to a ticket system, a pager or a team chat.
 */
@Component("loggingChannel")
class LoggingChannel implements OutputChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingChannel.class);

	@Override
	public String type() {
		return "custom";
	}

	@Override
	public DispatchReceipt dispatch(ChannelMessage message) {
		log.info("{} for action {} of process '{}': answer it with POST /api/v1/actions/{}/respond",
				message.isReminder() ? "Reminder" : "Question", message.action().id(), message.action().flowId(),
				message.action().id());
		return DispatchReceipt.delivered();
	}

}
