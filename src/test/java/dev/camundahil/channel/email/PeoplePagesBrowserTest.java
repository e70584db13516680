package dev.camundahil.channel.email;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.Reassignment;
import dev.camundahil.support.HeadlessChromium;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response pages in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), opened from the
 * links of the emails a real SMTP server received: two recipients with links of their own, one answers and the other
 * sees who did; a reassigned recipient answers and the removed one sees where the question went; a recipient passes
 * it on from the page; a German task's pages in German, the comment beside the pass-on form; a confirmation that
 * comes after someone else answered gets the outcome page.
 */
class PeoplePagesBrowserTest extends EmailTestSupport {

	HeadlessChromium browser;

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start(PATIENCE);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theFirstRecipientAnswersAndTheSecondSeesWhoAnsweredWhatAndWhen() throws Exception {
		ProcessInstance instance = start("Approve the budget?", false, "ann@browser.example", "bob@browser.example");
		ActionRequest action = actionOf(instance);
		String annLink = link("ann@browser.example", action.getId(), "Approve");
		String bobLink = link("bob@browser.example", action.getId(), "Reject");

		open(annLink);
		assertThat(text("main")).contains("For ann@browser.example").contains("Approve the budget?");
		this.browser.submitWith(By.cssSelector("main form button[type=submit]"));
		this.browser.waitForText("main", "Thank you");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@browser.example");

		open(bobLink);
		assertThat(text("h1")).isEqualTo("Already answered");
		assertThat(text(".outcome")).matches(
				"Answered Approve by ann@browser\\.example on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} \\(email link\\)");
		assertThat(this.browser.driver().findElements(By.cssSelector("form"))).isEmpty();
	}

	@Test
	void aReassignedRecipientAnswersAndTheRemovedOneSeesWhereTheQuestionWent() throws Exception {
		ProcessInstance instance = start("Sign the contract?", false, "ann@browser.example");
		ActionRequest action = actionOf(instance);
		String annLink = link("ann@browser.example", action.getId(), "Approve");

		this.actions.reassign(action.getId(), new Reassignment(List.of(), List.of("carol@browser.example"),
				"Ann is away", "clerk", false));
		String carolLink = link("carol@browser.example", action.getId(), "Approve");

		open(annLink);
		assertThat(text("h1")).isEqualTo("Passed on");
		assertThat(text(".outcome")).matches("Passed to carol@browser\\.example on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
		open(carolLink);
		assertThat(text("main")).contains("For carol@browser.example");
		this.browser.submitWith(By.cssSelector("main form button[type=submit]"));
		this.browser.waitForText("main", "Thank you");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("carol@browser.example");
	}

	@Test
	void aRecipientPassesTheQuestionOnFromThePage() throws Exception {
		ProcessInstance instance = start("Approve the trip?", true, "ann@browser.example");
		ActionRequest action = actionOf(instance);

		open(link("ann@browser.example", action.getId(), "Approve"));
		assertThat(text(".pass h2")).isEqualTo("Pass this on");
		this.browser.type(By.id("pass-to"), "dave@browser.example");
		this.browser.type(By.id("pass-note"), "Dave decides trips");
		this.browser.submitWith(By.cssSelector(".pass-form button[type=submit]"));
		this.browser.waitForText("main", "Passed to dave@browser.example");

		open(link("dave@browser.example", action.getId(), "Reject"));
		this.browser.submitWith(By.cssSelector("main form button[type=submit]"));
		this.browser.waitForText("main", "Thank you");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("dave@browser.example");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
	}

	@Test
	void aGermanTaskConfirmsWithACommentBesideThePassOnFormAndTheOtherSeesTheOutcomeInGerman() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("browserPeopleDe"), "Reise freigeben?", "email")
			.camundaInputParameter("to", "ann@browser.example,bob@browser.example")
			.camundaInputParameter("expectedResponse", "Freigeben,Ablehnen")
			.camundaInputParameter("allowDelegation", "true")
			.camundaInputParameter("locale", "de")
			.camundaInputParameter("timeZone", "Europe/Berlin")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		String annLink = link("ann@browser.example", action.getId(), "Freigeben");
		String bobLink = link("bob@browser.example", action.getId(), "Ablehnen");

		open(annLink);
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(text("main")).contains("Für ann@browser.example").contains("Ihre Antwort: Freigeben");
		assertThat(this.browser.driver().findElements(By.id("name"))).as("the link's person is fixed").isEmpty();
		assertThat(text(".pass h2")).isEqualTo("Weitergeben");
		this.browser.type(By.id("comment"), "Budget reicht");
		this.browser.submitWith(By.id("confirm"));
		this.browser.waitForText("main", "Vielen Dank");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@browser.example");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("Budget reicht");

		open(bobLink);
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(text("h1")).isEqualTo("Bereits beantwortet");
		assertThat(text(".outcome")).matches("Beantwortet mit Freigeben von ann@browser\\.example am "
				+ "\\d{1,2}\\. \\S+ \\d{4}, \\d{2}:\\d{2} \\(E-Mail-Link\\)");
		assertThat(text(".zone")).isEqualTo("Zeiten in Europe/Berlin.");
		assertThat(text("main")).contains("Kommentar: Budget reicht");
		assertThat(this.browser.driver().findElements(By.cssSelector("form"))).isEmpty();
	}

	@Test
	void aConfirmationThatComesAfterSomeoneElseAnsweredShowsTheOutcome() throws Exception {
		ProcessInstance instance = start("Order the parts?", false, "ann@browser.example", "bob@browser.example");
		ActionRequest action = actionOf(instance);
		String annLink = link("ann@browser.example", action.getId(), "Approve");
		String bobLink = link("bob@browser.example", action.getId(), "Reject");

		open(bobLink);
		assertThat(text("main")).contains("For bob@browser.example");
		// while Bob's page is open, Ann confirms through her own link
		HttpResponse<String> annConfirms = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + annLink))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(annConfirms.statusCode()).isEqualTo(200);

		this.browser.type(By.id("comment"), "too late?");
		this.browser.submitWith(By.id("confirm"));
		assertThat(text("h1")).isEqualTo("Already answered");
		assertThat(text(".outcome")).matches(
				"Answered Approve by ann@browser\\.example on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} \\(email link\\)");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isNull();
	}

	private ProcessInstance start(String question, boolean delegation, String... to) {
		String key = deploy(waitingAfter(hilTask(key("browserPeople"), question, "email")
			.camundaInputParameter("to", String.join(",", to))
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("allowDelegation", String.valueOf(delegation))));
		return this.runtime.startProcessInstanceByKey(key);
	}

	private void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	private String text(String css) {
		return this.browser.text(css);
	}

	/** The link of one option in the email one person received about one action, as a path of this app. */
	private String link(String address, UUID actionId, String option) throws Exception {
		return emailedLinks(address, actionId).get(option);
	}

}
