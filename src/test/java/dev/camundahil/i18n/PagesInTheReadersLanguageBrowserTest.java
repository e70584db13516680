package dev.camundahil.i18n;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.channel.chat.ChatConversations;
import dev.camundahil.links.SignedTokens;
import dev.camundahil.support.HeadlessChromium;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in headless Chromium whose browser prefers German: the confirm page of a German task, and the chat page
 * of a task that names no language, which follows the browser. Both take a comment beside the answer, and the
 * process gets it as {@code hilComment}; an answer typed after the chat's question closed is told how it ended.
 */
@PostgresTest
class PagesInTheReadersLanguageBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	ChatConversations conversations;

	@Autowired
	SignedTokens tokens;

	HeadlessChromium chromium;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.chromium = HeadlessChromium.start(Duration.ofSeconds(30), (chrome) -> {
			chrome.addArguments("--lang=de-DE");
			chrome.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
		});
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void theConfirmPageOfAGermanTaskSpeaksGermanAndKeepsTheComment() {
		String key = HilProcesses.deploy(this.repository,
				HilProcesses.waitingAfter(HilProcesses.hilTask(HilProcesses.key("confirmDe"), "Bestellung 12 freigeben?", "chat")
					.camundaInputParameter("expectedResponse", "Freigeben, Ablehnen")
					.camundaInputParameter("locale", "de")
					.camundaInputParameter("timeZone", "Europe/Berlin")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = this.actions.findByProcessInstanceId(instance.getId()).get(0);
		String token = this.tokens.issue("respond", action.getId().toString(), action.getExpiresAt());

		this.browser.get("http://127.0.0.1:" + this.port + "/respond/" + action.getId() + "?option=Ablehnen&token="
				+ token);

		WebElement confirm = this.chromium.waitFor(By.id("confirm"));
		assertThat(confirm.getText()).isEqualTo("Bestätigen");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(this.browser.findElement(By.tagName("body")).getText()).contains("Ihre Antwort: Ablehnen")
			.contains("Kommentar (optional)")
			.contains("Offen bis")
			.containsAnyOf("MEZ", "MESZ");
		this.browser.findElement(By.id("name")).sendKeys("Anna");
		this.browser.findElement(By.id("comment")).sendKeys("Zu teuer für dieses Quartal");
		confirm.click();

		assertThat(this.chromium.waitFor(By.id("recorded")).getText())
			.isEqualTo("Ihre Antwort „Ablehnen“ wurde gespeichert.");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Ablehnen");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("Anna");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("Zu teuer für dieses Quartal");
		assertThat(this.actions.find(action.getId()).getComment()).isEqualTo("Zu teuer für dieses Quartal");
	}

	@Test
	void theChatPageFollowsTheBrowsersLanguageTakesACommentAndTellsALateAnswerHowItEnded() {
		String key = HilProcesses.key("chatDe");
		String session = "de-" + UUID.randomUUID();
		this.repository.createDeployment()
			.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
				.startEvent()
				.serviceTask("ask")
				.camundaDelegateExpression("${hilTask}")
				.camundaInputParameter("question", "Lieferung heute?")
				.camundaInputParameter("outputTypes", "chat")
				.camundaInputParameter("expectedResponse", "Ja, Nein")
				.camundaInputParameter("timeZone", "Asia/Tokyo")
				.serviceTask("rate")
				.camundaDelegateExpression("${hilTask}")
				.camundaInputParameter("question", "Wie war die Lieferung?")
				.camundaInputParameter("outputTypes", "chat")
				.receiveTask("after")
				.endEvent()
				.done())
			.deploy();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key, session);
		String link = this.conversations.link(session).url();

		this.browser.get("http://127.0.0.1:" + this.port + link.substring(link.indexOf("/chat/")));

		this.chromium.waitFor(By.cssSelector("#messages li.prompt[data-status='pending'] .text"));
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fragen an Sie");
		assertThat(this.browser.findElement(By.id("chat")).getAttribute("data-time-zone")).isEqualTo("Asia/Tokyo");
		this.chromium.waitUntil("the German waiting line",
				() -> "Wartet auf Ihre Antwort.".equals(this.browser.findElement(By.id("state")).getText()));
		this.browser.findElement(By.id("comment")).sendKeys("bitte vor 12 Uhr");
		this.browser.findElement(By.id("text")).sendKeys("ja");
		this.browser.findElement(By.id("send")).click();

		this.chromium.waitUntil("the answer with its comment",
				() -> this.chromium.texts("#messages li.answer .comment").contains("bitte vor 12 Uhr"));
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Ja");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("bitte vor 12 Uhr");

		// the second question is answered elsewhere; an answer typed on the page after that is told who was first
		this.chromium.waitFor(By.xpath("//li[contains(@class,'prompt') and @data-status='pending']"));
		this.conversations.answer(session, "Sehr gut", "bob", null, "tests");
		this.browser.findElement(By.id("text")).sendKeys("Gut");
		this.browser.findElement(By.id("send")).click();

		this.chromium.waitUntil("the late answer's outcome line", () -> {
			String error = this.browser.findElement(By.id("error")).getText();
			return error.startsWith("Zu spät: Beantwortet mit „Sehr gut“ von bob am ");
		});
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Sehr gut");
	}

}
