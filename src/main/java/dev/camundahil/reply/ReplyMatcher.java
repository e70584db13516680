package dev.camundahil.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.channel.DispatchedMessages;

/**
 * Finds the action a reply answers: by {@code In-Reply-To}/{@code References} against the Message-IDs the email
 * channel recorded, else by an action id in the subject or in a plus-address of the reply address
 * ({@code hil+<id>@example.com}).
 */
class ReplyMatcher {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final DispatchedMessages sent;

	private final ActionService actions;

	ReplyMatcher(DispatchedMessages sent, ActionService actions) {
		this.sent = sent;
		this.actions = actions;
	}

	/** The id of the action the message answers, if it names one that exists. */
	Optional<UUID> match(InboundMessage message) {
		for (String id : message.referencedIds()) {
			Optional<UUID> found = this.sent.actionOf(id);
			if (found.isPresent()) {
				return found.flatMap(this.actions::lookup).map(ActionRequest::getId);
			}
		}
		List<String> places = new ArrayList<>(message.toAddresses());
		places.add(message.subject());
		for (String place : places) {
			Matcher uuid = UUID_PATTERN.matcher(place);
			while (uuid.find()) {
				Optional<ActionRequest> action = this.actions.lookup(UUID.fromString(uuid.group()));
				if (action.isPresent()) {
					return action.map(ActionRequest::getId);
				}
			}
		}
		return Optional.empty();
	}

}
