package dev.camundahil.channel.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionContext;
import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionView;
import dev.camundahil.channel.ChannelMessage;
import dev.camundahil.i18n.HilTexts;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email and its reminder's subject in the action's language, and an override that reads HIL's bundles.
 */
class EmailLanguagesTest {

	private final HilTexts texts = HilTexts.defaults();

	@Test
	void anOverrideReadsTheBundlesInTheActionsLanguage(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("email.html"), "<p xmlns:th=\"http://www.thymeleaf.org\" th:lang=\"${lang}\">"
				+ "<a th:text=\"#{email.answer}\">Answer</a> <span th:text=\"#{email.deadline(${expires})}\">x</span></p>");

		String german = new EmailTemplates(dir.toString(), this.texts).render(EmailTemplates.EMAIL,
				Map.of("expires", "5. Dez."), Locale.GERMAN);
		String spanish = new EmailTemplates(dir.toString(), this.texts).render(EmailTemplates.EMAIL,
				Map.of("expires", "5 dic"), Locale.forLanguageTag("es"));

		assertThat(german).isEqualTo("<p lang=\"de\"><a>Antworten</a> <span>Bitte antworten Sie bis 5. Dez..</span></p>");
		assertThat(spanish).contains("<a>Responder</a>").contains("Responda antes del 5 dic.");
	}

	@Test
	void theBuiltInEmailAndAReminderSubjectSpeakTheTasksLanguage() {
		ActionView action = new ActionView(UUID.randomUUID(), "flow", "session", "ask", ActionStatus.PENDING,
				List.of("email"), new ActionContext("Valider la commande 7 ?", Map.of()),
				Map.of("expectedResponse", List.of("Valider", "Refuser")), null, null, null, null,
				Instant.parse("2026-12-07T09:00:00Z"), Instant.now(), Instant.now(), "fr", "Europe/Paris", null, null);
		EmailComposer composer = new EmailComposer(new EmailTemplates(null, this.texts),
				new ResponseLinks(new SignedTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8),
						Clock.systemUTC()), "http://hil.example", Duration.ofDays(7)),
				new AttachmentResolver(new StaticListableBeanFactory().getBeanProvider(RuntimeService.class), null,
						DataSize.ofKilobytes(64)),
				DataSize.ofKilobytes(256), true);

		EmailContent reminder = composer.compose(new ChannelMessage(action, "email", ChannelMessage.Purpose.REMINDER));
		ActionRecipient passedTo = new ActionRecipient(UUID.randomUUID(), action.id(), "bob@example.com",
				"ann@example.com", "Bob décide", Instant.now(), null, List.of());
		EmailContent passedOn = composer.compose(new ChannelMessage(action, "email", ChannelMessage.Purpose.REQUEST),
				passedTo);

		assertThat(reminder.subject()).startsWith("Rappel : Valider la commande 7 ?");
		assertThat(reminder.html()).contains("lang=\"fr\"")
			.contains("Rappel : cette question attend toujours votre réponse.")
			.contains("Merci de répondre avant le 7 déc. 2026")
			.contains("10:00");
		assertThat(reminder.text()).contains("Valider").contains("Refuser");
		assertThat(passedOn.html()).contains("ann@example.com vous a transmis cette question : « Bob décide ».")
			.contains("r=" + passedTo.id());
	}

}
