package dev.camundahil.channel.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.HeadlessChromium;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; nothing is downloaded):
 * a person opens a signed link, sees the question as text even when it holds HTML, answers with a quick reply and
 * with a typed answer, and sees the process move on, live.
 */
@PostgresTest
class ChatPageBrowserTest {

	static final String QUESTION = "Ship <b>now</b>? <script>window.hacked = true;</script>";

	static final String TYPED = "<img src=x onerror=\"window.hacked = true\"> very good";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ChatConversations conversations;

	HeadlessChromium chromium;

	WebDriver browser;

	String key;

	String session;

	@BeforeEach
	void openBrowser() {
		this.chromium = HeadlessChromium.start(Duration.ofSeconds(30));
		this.browser = this.chromium.driver();
		this.key = HilProcesses.key("chatpage");
		this.session = "page-" + UUID.randomUUID();
		this.repository.createDeployment()
			.addModelInstance(this.key + ".bpmn", ChatProcesses.twoQuestions(this.key))
			.deploy();
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aPersonAnswersInTheChatPageAndTheProcessMovesOn() {
		ProcessInstance instance = start(QUESTION);
		String link = this.conversations.link(this.session).url();
		this.browser.get("http://127.0.0.1:" + this.port + link.substring(link.indexOf("/chat/")));

		this.chromium.waitFor(By.cssSelector("#messages li.prompt[data-status='pending'] .text"));
		assertThat(this.chromium.texts("#messages li.prompt .text")).as("the question, HTML shown as text")
			.containsExactly(QUESTION);
		assertThat(this.browser.findElements(By.cssSelector("#messages b, #messages script, #messages img"))).isEmpty();
		this.chromium.waitUntil("the live stream is connected",
				() -> "Live".equals(this.browser.findElement(By.id("connection")).getText()));

		assertThat(this.chromium.texts("#messages li.prompt .options button")).containsExactly("Yes", "No");
		this.chromium.waitUntil("a click on the quick reply 'Yes'", () -> {
			this.browser.findElement(By.xpath("//li[contains(@class,'prompt')]//button[text()='Yes']")).click();
			return true;
		});

		this.chromium.waitFor(By.xpath("//li[contains(@class,'prompt') and @data-status='pending']"
				+ "/span[@class='text' and text()='" + ChatProcesses.RATE_MESSAGE + "']"));
		assertThat(this.chromium.texts("#messages li.answer .text")).containsExactly("Yes");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("rate");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Yes");
		this.chromium.waitUntil("the answered question's buttons are disabled", () -> this.browser
			.findElements(By.cssSelector("#messages li.prompt[data-status='completed'] button"))
			.stream()
			.noneMatch(WebElement::isEnabled));

		this.browser.findElement(By.id("user")).sendKeys("Ann");
		this.browser.findElement(By.id("text")).sendKeys(TYPED);
		this.browser.findElement(By.id("send")).click();

		this.chromium.waitUntil("the typed answer in the conversation",
				() -> this.chromium.texts("#messages li.answer .text").contains(TYPED));
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo(TYPED);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("Ann");
		this.chromium.waitUntil("no open questions",
				() -> this.browser.findElement(By.id("state")).getText().contains("No open questions"));

		// a question opened elsewhere reaches the open page over its live stream alone
		start("A new question from the process");
		this.chromium
			.waitFor(By.xpath("//li[contains(@class,'prompt')]/span[text()='A new question from the process']"));

		assertThat(this.browser.findElements(By.cssSelector("#messages b, #messages script, #messages img"))).isEmpty();
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.hacked === undefined"))
			.as("no markup from a question or an answer ran")
			.isEqualTo(true);
	}

	@Test
	void aLinkForANamedPersonShowsTheirNameFixedAndAnswersAsThem() {
		ProcessInstance instance = start("Ready to ship?");
		String link = this.conversations.link(this.session, "Ann Example").url();
		this.browser.get("http://127.0.0.1:" + this.port + link.substring(link.indexOf("/chat/")));

		this.chromium.waitFor(By.cssSelector("#messages li.prompt[data-status='pending'] .text"));
		WebElement user = this.browser.findElement(By.id("user"));
		assertThat(user.getAttribute("value")).isEqualTo("Ann Example");
		assertThat(user.getAttribute("readonly")).isNotNull();
		user.sendKeys(" and Mallory");
		this.browser.findElement(By.id("text")).sendKeys("Yes");
		this.browser.findElement(By.id("comment")).sendKeys("ship it on Monday");
		this.browser.findElement(By.id("send")).click();

		this.chromium.waitUntil("the answer in the conversation",
				() -> this.chromium.texts("#messages li.answer .text").contains("Yes"));
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("Ann Example");
		assertThat(this.runtime.getVariable(instance.getId(), "hilComment")).isEqualTo("ship it on Monday");
	}

	@Test
	void aPageWithAWrongTokenShowsWhy() {
		start("Not for you");
		String otherSession = this.conversations.link("someone-else").url();
		String token = otherSession.substring(otherSession.indexOf("token=") + 6);
		this.browser.get("http://127.0.0.1:" + this.port + "/chat/" + this.session + "?token=" + token);

		assertThat(this.chromium.waitFor(By.id("refused")).getText()).contains("not valid");
		assertThat(this.browser.getPageSource()).doesNotContain("Not for you");
	}

	private ProcessInstance start(String question) {
		return this.runtime.startProcessInstanceByKey(this.key, this.session, Map.of("question", question));
	}

}
