package dev.camundahil.reply;

import java.util.List;
import java.util.UUID;

/**
 * How a received message was handled.
 *
 * @param outcome one of {@code completed}, {@code rejected}, {@code late}, {@code ignored}, {@code unmatched},
 * {@code duplicate}
 * @param actionId the action it answered, if any
 * @param optionsToRemind the options to list in a short answer to the sender; empty when none is owed
 */
record ReplyOutcome(String outcome, UUID actionId, List<String> optionsToRemind) {

	static ReplyOutcome of(String outcome, UUID actionId) {
		return new ReplyOutcome(outcome, actionId, List.of());
	}

}
