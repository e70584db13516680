package dev.camundahil.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionView;
import dev.camundahil.action.ArgumentList;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.i18n.HilTexts;
import org.jsoup.Jsoup;

import org.springframework.util.unit.DataSize;

/**
 * Writes the email for an action from the task's arguments and the {@code email.html} template: the subject (the
 * task's, else the question) with the action id as {@code [HIL-<id>]}, an HTML part with one signed button per
 * option, and a text part (the task's {@code bodyText}, else the HTML read as text).
 */
final class EmailComposer {

	private static final int MAX_SUBJECT_QUESTION = 120;

	private final EmailTemplates templates;

	private final ResponseLinks links;

	private final AttachmentResolver attachments;

	private final DataSize maxBodySize;

	private final boolean repliesRead;

	EmailComposer(EmailTemplates templates, ResponseLinks links, AttachmentResolver attachments,
			DataSize maxBodySize, boolean repliesRead) {
		this.templates = templates;
		this.links = links;
		this.attachments = attachments;
		this.maxBodySize = maxBodySize;
		this.repliesRead = repliesRead;
	}

	EmailContent compose(ChannelMessage message) {
		return compose(message, null);
	}

	/** The email for one recipient, whose links are bound to them; for everyone alike when {@code recipient} is null. */
	EmailContent compose(ChannelMessage message, ActionRecipient recipient) {
		ActionView action = message.action();
		Map<String, Object> args = message.args();
		List<String> options = ArgumentList.of(args.get("expectedResponse"));
		String bodyHtml = text(args.get("bodyHTML"));
		String bodyText = text(args.get("bodyText"));
		checkSize("bodyHTML", bodyHtml);
		checkSize("bodyText", bodyText);

		List<Map<String, String>> buttons = new ArrayList<>();
		for (String option : options) {
			buttons.add(Map.of("label", option, "url", this.links.link(action, recipient, option)));
		}
		HilTexts texts = this.templates.texts();
		Locale locale = texts.locale(action.locale());
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("subject", subject(message, texts));
		variables.put("question", action.context().question());
		variables.put("text", message.text());
		variables.put("textLines", List.of(message.text().split("\\r?\\n", -1)));
		variables.put("bodyHtml", (bodyHtml != null) ? Jsoup.parse(bodyHtml).body().html() : null);
		variables.put("options", buttons);
		variables.put("hasOptions", !buttons.isEmpty());
		variables.put("optionList", String.join(", ", options));
		variables.put("answerUrl", options.isEmpty() ? this.links.link(action, recipient, null) : null);
		variables.put("reminder", message.isReminder());
		variables.put("repliesRead", this.repliesRead);
		variables.put("expires", texts.dateTime(action.expiresAt(), locale, texts.timeZone(action.timeZone())));
		variables.put("actionId", action.id().toString());
		boolean escalated = recipient != null && recipient.isEscalated();
		boolean passedOn = recipient != null && recipient.addedBy() != null && !escalated;
		variables.put("passedOnBy", passedOn ? recipient.addedBy() : null);
		variables.put("passedOnNote", passedOn ? recipient.reason() : null);
		// someone added because nobody answered in time should see why the question reaches them now
		variables.put("unansweredSince",
				escalated ? texts.dateTime(action.createdAt(), locale, texts.timeZone(action.timeZone())) : null);
		String html = this.templates.render(EmailTemplates.EMAIL, variables, locale);
		String text = (bodyText != null)
				? bodyText + linksAsText(buttons, (String) variables.get("answerUrl"), texts.get("email.answer", locale))
				: HtmlText.of(html);
		checkSize("the email's HTML", html);
		checkSize("the email's text", text);
		List<Attachment> files = this.attachments.resolve(action, ArgumentList.of(args.get("attachments")));
		return new EmailContent((String) variables.get("subject"), text, html, files);
	}

	/**
	 * The subject people see, with the action id in it so that a reply finds its action even without headers; a
	 * reminder's starts with the word for it in the action's language.
	 */
	static String subject(ChannelMessage message, HilTexts texts) {
		Object given = message.args().get("subject");
		String subject = (given != null && !given.toString().isBlank()) ? given.toString()
				: shorten(message.action().context().question());
		subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
		if (message.isReminder()) {
			subject = texts.get("email.reminder.prefix", texts.locale(message.action().locale())) + " " + subject;
		}
		return subject + " [HIL-" + message.action().id() + "]";
	}

	private static String shorten(String question) {
		String line = question.strip().replaceAll("\\s+", " ");
		return (line.length() <= MAX_SUBJECT_QUESTION) ? line : line.substring(0, MAX_SUBJECT_QUESTION - 1) + "…";
	}

	private static String linksAsText(List<Map<String, String>> buttons, String answerUrl, String answer) {
		StringBuilder text = new StringBuilder("\n\n");
		if (buttons.isEmpty()) {
			return text.append(answer).append(": ").append(answerUrl).append('\n').toString();
		}
		for (Map<String, String> button : buttons) {
			text.append(button.get("label")).append(": ").append(button.get("url")).append('\n');
		}
		return text.toString();
	}

	private void checkSize(String what, String body) {
		if (body != null && body.getBytes(StandardCharsets.UTF_8).length > this.maxBodySize.toBytes()) {
			throw new EmailDispatchException(what + " is larger than hil.security.max-email-body-size ("
					+ this.maxBodySize + ")");
		}
	}

	private static String text(Object value) {
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

}
