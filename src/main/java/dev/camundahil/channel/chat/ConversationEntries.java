package dev.camundahil.channel.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionResponse;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.ExpectedResponses;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.i18n.HilTexts;

/**
 * Reads the conversation entries of chat actions from the actions themselves: every action gives its prompt, then
 * its answer or how it ended.
 */
final class ConversationEntries {

	private static final Comparator<ChatMessage> IN_ORDER = Comparator.comparing(ChatMessage::timestamp);

	private final ObjectMapper json;

	private final HilTexts texts;

	ConversationEntries(ObjectMapper json, HilTexts texts) {
		this.json = json;
		this.texts = texts;
	}

	HilTexts texts() {
		return this.texts;
	}

	/** The entries of several actions, oldest first, in each action's language, else the default. */
	List<ChatMessage> of(List<ActionView> actions) {
		return of(actions, null);
	}

	/**
	 * The entries of several actions, oldest first; the lines of actions without a language of their own in
	 * {@code fallback} (a page's reader's), else the default.
	 */
	List<ChatMessage> of(List<ActionView> actions, Locale fallback) {
		List<ChatMessage> entries = new ArrayList<>();
		actions.forEach((action) -> entries.addAll(of(action, fallback)));
		// stable: an action's prompt stays ahead of its answer when both carry the same instant
		entries.sort(IN_ORDER);
		return entries;
	}

	/** The entries of one action: its prompt, and its answer or end when it has one. */
	List<ChatMessage> of(ActionView action) {
		return of(action, null);
	}

	private List<ChatMessage> of(ActionView action, Locale fallback) {
		Locale locale = (action.locale() == null && fallback != null) ? fallback : this.texts.locale(action.locale());
		List<ChatMessage> entries = new ArrayList<>(2);
		String status = action.status().value();
		String text = new ChannelMessage(action, ChatChannel.TYPE, ChannelMessage.Purpose.REQUEST).text();
		entries.add(new ChatMessage(ChatMessage.PROMPT, text,
				ExpectedResponses.of(action.args().get(ExpectedResponses.ARG)), action.id(), status, null,
				action.createdAt(), null, tally(action, locale)));
		ActionResponse response = action.response();
		if (action.status() == ActionStatus.COMPLETED && response != null) {
			entries.add(new ChatMessage(ChatMessage.ANSWER, text(response.value()), List.of(), action.id(), status,
					response.respondedBy(), (response.timestamp() != null) ? response.timestamp() : action.updatedAt(),
					action.comment()));
		}
		else if (action.status() == ActionStatus.EXPIRED) {
			entries.add(new ChatMessage(ChatMessage.STATUS, this.texts.get("chat.expired", locale), List.of(),
					action.id(), status, null, action.updatedAt()));
		}
		else if (action.status() == ActionStatus.CANCELLED) {
			entries.add(new ChatMessage(ChatMessage.STATUS, this.texts.get("chat.cancelled", locale), List.of(),
					action.id(), status, null, action.updatedAt()));
		}
		return entries;
	}

	/**
	 * The tally line of a pending action that several approvers decide, from its view's tally: approvals so far
	 * under {@code all} with options (every vote while pending agrees, since another option decides at once),
	 * answers so far otherwise.
	 */
	private String tally(ActionView action, Locale locale) {
		Map<String, Object> tally = action.tally();
		if (action.status() != ActionStatus.PENDING || tally == null) {
			return null;
		}
		Object voted = tally.get("voted");
		Object approvers = tally.get("approvers");
		String rule = String.valueOf(tally.get("rule"));
		if (rule.startsWith("quorum:")) {
			return this.texts.get("chat.tally.quorum", locale, voted, approvers, rule.substring("quorum:".length()));
		}
		boolean options = !ExpectedResponses.of(action.args().get(ExpectedResponses.ARG)).isEmpty();
		return this.texts.get(options ? "chat.tally.all" : "chat.tally.answered", locale, voted, approvers);
	}

	private String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			return String.valueOf(value);
		}
	}

}
