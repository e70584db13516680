package dev.camundahil.channel;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Says at start-up when messages wait for channel beans this application does not have: a node sweeps only rows of
 * its own channels, so such rows stay pending until a node with that bean runs (or the bean is added back).
 */
final class UnservedDispatchWarning {

	private static final Logger log = LoggerFactory.getLogger(UnservedDispatchWarning.class);

	private final DispatchRows rows;

	private final ChannelRouter router;

	UnservedDispatchWarning(DispatchRows rows, ChannelRouter router) {
		this.rows = rows;
		this.router = router;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		Map<String, Integer> unserved = this.rows.pendingForOtherChannels(this.router.channelNames());
		if (!unserved.isEmpty()) {
			log.warn("Messages wait for channel beans this application does not have (channel=count): {}; they are sent "
					+ "by a node that has them", unserved);
		}
	}

}
