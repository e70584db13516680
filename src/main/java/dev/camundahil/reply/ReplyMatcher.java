package dev.camundahil.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionRequestRepository;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the action a reply answers: by {@code In-Reply-To}/{@code References} against the Message-IDs the email
 * channel recorded, else by an action id in the subject or in a plus-address of the reply address
 * ({@code hil+<id>@example.com}).
 */
class ReplyMatcher {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final JdbcTemplate jdbc;

	private final ActionRequestRepository actions;

	ReplyMatcher(JdbcTemplate jdbc, ActionRequestRepository actions) {
		this.jdbc = jdbc;
		this.actions = actions;
	}

	/** The id of the action the message answers, if it names one that exists. */
	Optional<UUID> match(InboundMessage message) {
		for (String id : message.referencedIds()) {
			List<UUID> found = this.jdbc.queryForList(
					"SELECT action_id FROM action_dispatch WHERE message_id IN (?, ?)", UUID.class, id, "<" + id + ">");
			if (!found.isEmpty()) {
				return this.actions.findById(found.get(0)).map(ActionRequest::getId);
			}
		}
		List<String> places = new ArrayList<>(message.toAddresses());
		places.add(message.subject());
		for (String place : places) {
			Matcher uuid = UUID_PATTERN.matcher(place);
			while (uuid.find()) {
				Optional<ActionRequest> action = this.actions.findById(UUID.fromString(uuid.group()));
				if (action.isPresent()) {
					return action.map(ActionRequest::getId);
				}
			}
		}
		return Optional.empty();
	}

}
