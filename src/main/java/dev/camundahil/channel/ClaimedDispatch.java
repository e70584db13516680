package dev.camundahil.channel;

import java.util.UUID;

import dev.camundahil.channel.ChannelMessage.Purpose;

/**
 * An outbox row this node has claimed for one delivery attempt. {@code attempts} counts this attempt and is the
 * claim's token: the outcome is recorded only while the row still carries it. {@code recipient} names the one
 * person the row is for (one a reassignment added), or is {@code null} for a row for everyone.
 */
record ClaimedDispatch(UUID id, UUID actionId, String outputType, String channel, Purpose purpose, String reminder,
		int attempts, String recipient) {

	String describe() {
		return ((this.purpose == Purpose.REMINDER) ? "reminder " + this.reminder : "request") + " of action "
				+ this.actionId + " on " + this.outputType + " (channel '" + this.channel + "', attempt " + this.attempts
				+ ")";
	}

}
