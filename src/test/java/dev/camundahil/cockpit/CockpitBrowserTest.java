package dev.camundahil.cockpit;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.contract.CockpitSession;
import dev.camundahil.support.H2Test;
import dev.camundahil.support.HeadlessChromium;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HIL view in the real Cockpit of the standalone app, in headless Chromium: an admin logs in, opens an instance
 * waiting in a HIL task, sees its action and audit trail, cancels it, and the instance moves on; the dashboard lists
 * the human tasks. The screenshots it takes are those of docs/cockpit.md. Over plain HTTP: a Cockpit user outside
 * the admin group only looks, and a call without the CSRF token changes nothing. Under several approvers the view
 * shows the votes, and an admin gives the approvers more time.
 * <p>
 * A context of its own: Camunda's webapps keep their engine registry in JVM-wide state.
 */
@H2Test
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
class CockpitBrowserTest {

	static final Path SCREENSHOTS = Path.of("docs/images");

	/** Where an email task's request and a reassignment's email go. */
	static final GreenMail mail = new GreenMail(ServerSetup.SMTP.dynamicPort());

	static {
		mail.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	ActionService actions;

	HeadlessChromium chromium;

	WebDriver browser;

	String flow;

	@BeforeEach
	void deploy() {
		// Camunda's webapps find their engine in a JVM-wide registry by name, which other contexts may have taken
		ProcessEngines.registerProcessEngine(this.engine);
		this.flow = HilProcesses.deploy(this.repository, HilProcesses.approval(HilProcesses.key("cockpit")));
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void anAdminSeesTheActionAndItsAuditCancelsItAndTheInstanceMovesOn() throws IOException {
		openBrowser();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(this.flow, Map.of("orderId", 7));
		UUID action = this.actions.findByProcessInstanceId(instance.getId()).get(0).getId();
		logIn("demo", "demo");

		this.browser.get(cockpit("#/process-instance/" + instance.getId() + "/runtime?tab=hil.processInstance.actions"));
		WebElement view = this.chromium.waitFor(By.cssSelector(".hil-action[data-status='pending']"));
		assertThat(view.getAttribute("data-action-id")).isEqualTo(action.toString());
		assertThat(view.findElement(By.cssSelector(".hil-question")).getText()).isEqualTo("Approve order 7?");
		this.chromium.waitFor(By.cssSelector(".hil-audit li[data-event='created']"));
		assertThat(this.chromium.texts(".hil-audit li")).anyMatch((entry) -> entry.contains("dispatched"));
		screenshot("cockpit-instance-tab.png");

		this.chromium.click(By.cssSelector(".hil-cancel"));
		this.chromium.waitUntil("the button asks for a second click",
				() -> this.browser.findElement(By.cssSelector(".hil-cancel")).getText().contains("again"));
		this.chromium.click(By.cssSelector(".hil-cancel"));

		this.chromium.waitFor(By.cssSelector(".hil-action[data-status='cancelled']"));
		this.chromium.waitFor(By.cssSelector(".hil-audit li[data-event='cancelled']"));
		assertThat(this.actions.find(action).getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(this.actions.auditTrail(action))
			.anyMatch((entry) -> "cancelled".equals(entry.getEvent()) && "demo".equals(entry.getUserId()));
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).as("the instance moved on").containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilStatus")).isEqualTo("cancelled");

		this.browser.get(cockpit("#/dashboard"));
		this.chromium.waitFor(By.cssSelector(".hil-view h3"));
		screenshot("cockpit-dashboard.png");
	}

	@Test
	void anAdminSeesHowTheApproversVotedAndGivesThemMoreTime() throws IOException {
		String approvals = HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(HilProcesses
			.hilTask(HilProcesses.key("cockpitVotes"), "Approve the budget?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject")
			.camundaInputParameter("approval", "all")
			.camundaInputParameter("approvers", "ann@example.com, bob@example.com, carol@example.com")
			.camundaInputParameter("escalation", "PT1H: dave@example.com")
			.camundaInputParameter("timeout", "PT2H")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(approvals);
		ActionRequest action = this.actions.findByProcessInstanceId(instance.getId()).get(0);
		this.actions.respond(action.getId(), new ResponseCommand("approve", "bob@example.com", "tests", "api", null));
		openBrowser();
		logIn("demo", "demo");

		this.browser.get(cockpit("#/process-instance/" + instance.getId() + "/runtime?tab=hil.processInstance.actions"));
		this.chromium.waitFor(By.cssSelector(".hil-action[data-status='pending'] .hil-vote"));
		assertThat(this.chromium.texts(".hil-tally")).containsExactly("1 of 3 voted (all): Approve 1, Reject 0");
		assertThat(this.chromium.texts(".hil-vote td")).startsWith("bob@example.com", "\"Approve\"");
		assertThat(this.chromium.text(".hil-action dl"))
			.contains("ann@example.com, bob@example.com, carol@example.com");
		assertThat(this.chromium.texts(".hil-escalation[data-state='due'] td")).startsWith("1",
				action.getCreatedAt().plus(Duration.ofHours(1)).toString(), "dave@example.com", "due");
		screenshot("cockpit-votes.png");

		WebElement by = this.browser.findElement(By.cssSelector(".hil-extend-by"));
		by.clear();
		by.sendKeys("one day");
		this.chromium.click(By.cssSelector(".hil-extend"));
		this.chromium.waitUntil("the refusal", () -> this.chromium.texts(".hil-message.hil-error").stream()
			.anyMatch((text) -> text.contains("P2D")));
		assertThat(this.actions.find(action.getId()).getExpiresAt()).isEqualTo(action.getExpiresAt());

		by = this.browser.findElement(By.cssSelector(".hil-extend-by"));
		by.clear();
		by.sendKeys("P1D");
		this.chromium.click(By.cssSelector(".hil-extend"));
		this.chromium.waitFor(By.cssSelector(".hil-audit li[data-event='extended']"));
		assertThat(this.actions.find(action.getId()).getExpiresAt())
			.isEqualTo(action.getExpiresAt().plus(Duration.ofDays(1)));
		assertThat(this.actions.auditTrail(action.getId()))
			.anyMatch((entry) -> "extended".equals(entry.getEvent()) && "demo".equals(entry.getUserId()));
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		this.actions.escalate(action.getId(), 1, List.of("dave@example.com"));
		this.browser.navigate().refresh();
		this.chromium.waitFor(By.cssSelector(".hil-escalation[data-state='escalated']"));
		assertThat(this.chromium.texts(".hil-escalation td").get(3)).startsWith("escalated at ");
		assertThat(this.chromium.texts(".hil-tally")).containsExactly("1 of 4 voted (all): Approve 1, Reject 0");
		assertThat(this.chromium.text(".hil-action dl"))
			.contains("ann@example.com, bob@example.com, carol@example.com, dave@example.com");
	}

	@Test
	void anAdminPassesAnEmailTaskToSomeoneElseWhoGetsItByEmail() throws Exception {
		String flow = HilProcesses.deploy(this.repository, HilProcesses.waitingAfter(HilProcesses
			.hilTask(HilProcesses.key("cockpitReassign"), "Sign the lease?", "email")
			.camundaInputParameter("to", "ann@cockpit.example")
			.camundaInputParameter("expectedResponse", "Sign, Refuse")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(flow);
		UUID action = this.actions.findByProcessInstanceId(instance.getId()).get(0).getId();
		openBrowser();
		logIn("demo", "demo");

		this.browser.get(cockpit("#/process-instance/" + instance.getId() + "/runtime?tab=hil.processInstance.actions"));
		this.chromium.type(By.cssSelector(".hil-reassign-to"), "not an address");
		this.chromium.click(By.cssSelector(".hil-reassign"));
		this.chromium.waitUntil("the refusal", () -> this.chromium.texts(".hil-message.hil-error").stream()
			.anyMatch((text) -> text.contains("not an address")));
		assertThat(this.actions.recipients(action)).extracting(ActionRecipient::address)
			.containsExactly("ann@cockpit.example");

		WebElement to = this.browser.findElement(By.cssSelector(".hil-reassign-to"));
		to.clear();
		to.sendKeys("bob@cockpit.example");
		this.chromium.type(By.cssSelector(".hil-reassign-reason"), "Ann is away");
		this.chromium.click(By.cssSelector(".hil-reassign"));
		this.chromium.waitFor(By.cssSelector(".hil-audit li[data-event='reassigned']"));
		assertThat(this.chromium.text(".hil-action dl"))
			.contains("ann@cockpit.example (passed to bob@cockpit.example), bob@cockpit.example");
		assertThat(this.actions.auditTrail(action)).anyMatch((entry) -> "reassigned".equals(entry.getEvent())
				&& "demo".equals(entry.getUserId()) && entry.getData().toString().contains("Ann is away"));
		await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages())
			.anyMatch((message) -> addressedTo(message, "bob@cockpit.example")));
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	@Test
	void aUserOutsideTheAdminGroupOnlyLooksAndNoCallGoesWithoutTheCsrfToken() throws Exception {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(this.flow, Map.of("orderId", 8));
		UUID action = this.actions.findByProcessInstanceId(instance.getId()).get(0).getId();
		String user = "viewer" + UUID.randomUUID().toString().substring(0, 8);
		User viewer = this.identity.newUser(user);
		viewer.setPassword("viewer-password");
		this.identity.saveUser(viewer);

		CockpitSession anonymous = new CockpitSession(this.port, "/camunda");
		String api = anonymous.api();
		assertThat(anonymous.get(api + "/process-instance/" + instance.getId()).statusCode()).isIn(401, 403);

		CockpitSession looking = new CockpitSession(this.port, "/camunda");
		looking.logIn(user, "viewer-password");
		HttpResponse<String> seen = looking.get(api + "/process-instance/" + instance.getId());
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(seen.body()).contains(action.toString()).contains("\"mayAct\":false");
		HttpResponse<String> refused = looking.post(api + "/actions/" + action + "/cancel", true);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("admin group");

		assertThat(looking.post(api + "/actions/" + action + "/extend", "{\"by\": \"P1D\"}", true).statusCode())
			.isEqualTo(403);
		assertThat(looking.post(api + "/actions/" + action + "/reassign", "{\"to\": [\"eve@example.com\"]}", true)
			.statusCode()).isEqualTo(403);

		CockpitSession admin = new CockpitSession(this.port, "/camunda");
		admin.logIn("demo", "demo");
		assertThat(admin.post(api + "/actions/not-a-uuid/cancel", true).statusCode()).isEqualTo(400);
		java.time.Instant deadline = this.actions.find(action).getExpiresAt();
		for (String bad : List.of("{\"by\": \"-P1D\"}", "{}", "[1]", "not json",
				"{\"by\": \"P1D\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}")) {
			HttpResponse<String> refusal = admin.post(api + "/actions/" + action + "/extend", bad, true);
			assertThat(refusal.statusCode()).as(bad + ": " + refusal.body()).isEqualTo(400);
			assertThat(refusal.body()).contains("\"detail\"");
		}
		assertThat(this.actions.find(action).getExpiresAt()).as("refusals change nothing").isEqualTo(deadline);
		assertThat(admin.post(api + "/actions/" + UUID.randomUUID() + "/extend", "{\"by\": \"P1D\"}", true)
			.statusCode()).isEqualTo(404);
		for (String bad : List.of("{}", "{\"to\": []}", "{\"to\": \"bob@example.com\"}", "{\"to\": [7]}",
				"not json", "{\"to\": [\"bob@example.com\"]}")) {
			HttpResponse<String> refusal = admin.post(api + "/actions/" + action + "/reassign", bad, true);
			assertThat(refusal.statusCode()).as(bad + ": " + refusal.body()).isEqualTo(400);
			assertThat(refusal.body()).contains("\"detail\"");
		}
		assertThat(this.actions.auditTrail(action).stream().map(ActionAudit::getEvent)).as("refusals change nothing")
			.doesNotContain("reassigned");
		assertThat(admin.post(api + "/actions/" + UUID.randomUUID() + "/reassign",
				"{\"to\": [\"bob@example.com\"]}", true).statusCode()).isEqualTo(404);
		HttpResponse<String> cancelled = admin.post(api + "/actions/" + action + "/cancel", true);
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(this.actions.find(action).getStatus()).isEqualTo(ActionStatus.CANCELLED);
		assertThat(admin.post(api + "/actions/" + action + "/cancel", true).statusCode()).isEqualTo(409);

		ProcessInstance other = this.runtime.startProcessInstanceByKey(this.flow, Map.of("orderId", 9));
		UUID untouched = this.actions.findByProcessInstanceId(other.getId()).get(0).getId();
		CockpitSession forged = new CockpitSession(this.port, "/camunda");
		forged.logIn("demo", "demo");
		assertThat(forged.post(api + "/actions/" + untouched + "/cancel", false).statusCode())
			.as("without the CSRF token").isEqualTo(403);
		assertThat(this.actions.find(untouched).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.auditTrail(action).stream().map(ActionAudit::getEvent)).contains("cancelled");
	}

	private void openBrowser() {
		this.chromium = HeadlessChromium.start(Duration.ofSeconds(60),
				(chrome) -> chrome.addArguments("--window-size=1400,1000"));
		this.browser = this.chromium.driver();
		this.browser.manage().window().setSize(new Dimension(1400, 1000));
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().contains(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void logIn(String user, String password) {
		this.browser.get(cockpit("#/login"));
		this.chromium.waitFor(By.cssSelector("form[name='signinForm'] input[type='text']")).sendKeys(user);
		this.browser.findElement(By.cssSelector("form[name='signinForm'] input[type='password']")).sendKeys(password);
		this.browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
		this.chromium.waitUntil("the login to finish",
				() -> this.browser.findElements(By.cssSelector("form[name='signinForm']")).isEmpty());
	}

	private String cockpit(String route) {
		return "http://127.0.0.1:" + this.port + "/camunda/app/cockpit/default/" + route;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
