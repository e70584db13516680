package dev.camundahil.channel.email;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.failingAfter;
import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response page behind the buttons of an email, opened over real HTTP without an API key: looking answers
 * nothing, confirming answers once and resumes the process, and a link that is not valid for the action, or an
 * action that is no longer open, gets a plain page that says so.
 */
class ResponsePageTest extends EmailTestSupport {

	private static final Pattern LINK = Pattern.compile("href=\"" + Pattern.quote(BASE_URL) + "([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	SignedTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService management;

	@Test
	void openingTheLinkAsksToConfirmAndOnlyThePostAnswersAsTheRecipientAndResumesTheProcess() throws Exception {
		ProcessInstance instance = startApproval("Approve order 7?");
		ActionRequest action = actionOf(instance);
		Map<String, String> links = emailedLinks(action);

		HttpResponse<String> page = get(links.get("Approve"));
		// a mail scanner fetching the link twice, and a HEAD, answer nothing
		get(links.get("Approve"));
		this.http.send(HttpRequest.newBuilder(url(links.get("Reject"))).method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(page.body()).contains("Approve order 7?").contains("Confirm").contains("<strong>Approve</strong>")
			.contains("For ann@to.example")
			.doesNotContain("name=\"name\"");
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		// a name sent along with a recipient's link changes nothing: the answer is the recipient's
		HttpResponse<String> confirmed = post(formAction(page.body()), formFields(page.body(), Map.of("name", "Mallory")));

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Thank you").contains("Approve");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Approve");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@to.example");
		assertThat(this.jdbc.queryForMap("SELECT data->>'channel' AS channel, user_id FROM action_audit "
				+ "WHERE action_id = ? AND event = 'completed'", action.getId()))
			.containsEntry("channel", ResponsePageController.CHANNEL)
			.containsEntry("user_id", "ann@to.example");
		assertThat(this.actions.find(action.getId()).getResponse().channel()).isEqualTo(ResponsePageController.CHANNEL);

		HttpResponse<String> again = post(formAction(page.body()), formFields(page.body(), Map.of()));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("Already answered")
			.containsPattern("Answered Approve by ann@to.example on \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} \\(email link\\)");
		assertThat(get(links.get("Reject")).body()).contains("Already answered").contains("by ann@to.example");
		assertThat(this.actions.find(action.getId()).getResponse().value()).isEqualTo("Approve");
	}

	@Test
	void withoutAnOptionThePageOffersTheOptionsAndAnAnswerWithoutANameIsByTheLink() throws Exception {
		ProcessInstance instance = startApproval("Ship it?");
		ActionRequest action = actionOf(instance);
		String token = this.tokens.issue(ResponseLinks.PURPOSE, action.getId().toString(), action.getExpiresAt());

		HttpResponse<String> page = get("/respond/" + action.getId() + "?token=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"Approve\"").contains("value=\"Reject\"");

		HttpResponse<String> answered = post("/respond/" + action.getId(), Map.of("token", token, "option", "reject"));

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo(ResponsePageController.CHANNEL);
	}

	@Test
	void aTamperedTokenOrOneForAnotherActionIsA403PageAndChangesNothing() throws Exception {
		ActionRequest action = actionOf(startApproval("Approve order 8?"));
		ActionRequest other = actionOf(startApproval("Approve order 9?"));
		String link = emailedLinks(action).get("Approve");
		String token = link.substring(link.indexOf("token=") + 6);
		String otherToken = this.tokens.issue(ResponseLinks.PURPOSE, other.getId().toString(), other.getExpiresAt());
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
		String chatToken = this.tokens.issue("chat", action.getId().toString(), action.getExpiresAt());
		String forged = new SignedTokens("another-secret-0123456789".getBytes(StandardCharsets.UTF_8),
				java.time.Clock.systemUTC())
			.issue(ResponseLinks.PURPOSE, action.getId().toString(), action.getExpiresAt());

		for (String bad : List.of(tampered, otherToken, chatToken, forged, "", "not-a-token")) {
			HttpResponse<String> page = get("/respond/" + action.getId() + "?option=Approve&token=" + bad);
			HttpResponse<String> posted = post("/respond/" + action.getId(), Map.of("token", bad, "option", "Approve"));
			assertThat(page.statusCode()).as(bad).isEqualTo(403);
			assertThat(posted.statusCode()).as(bad).isEqualTo(403);
			assertThat(posted.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(posted.body()).contains("This link is not valid").doesNotContain("Exception").doesNotContain("at dev.");
		}
		assertThat(get("/respond/" + action.getId() + "?option=Approve").statusCode()).isEqualTo(403);
		assertThat(get("/respond/not-a-uuid?token=" + token).statusCode()).isEqualTo(403);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.find(other.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
	}

	@Test
	void anExpiredTokenOrActionAndACancelledActionSayNoAnswerIsTakenAnyMore() throws Exception {
		// a link lasts as long as its action: once the action's deadline has passed, even before the sweep got to
		// it, its links take no answer, whatever expiry their token was signed with
		ActionRequest overdueToken = actionOf(startApproval("Late token?"));
		String expiredToken = this.tokens.issue(ResponseLinks.PURPOSE, overdueToken.getId().toString(),
				Instant.now().plusSeconds(3600));
		this.jdbc.update("UPDATE action_request SET expires_at = ? WHERE id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(5)), overdueToken.getId());
		ActionRequest expired = actionOf(startApproval("Late action?"));
		String expiredLink = emailedLinks(expired).get("Approve");
		this.actions.expire(expired.getId());
		ActionRequest cancelled = actionOf(startApproval("Withdrawn?"));
		String cancelledLink = emailedLinks(cancelled).get("Approve");
		this.actions.cancel(cancelled.getId(), "order withdrawn", "clerk");

		HttpResponse<String> tokenPage = get("/respond/" + overdueToken.getId() + "?option=Approve&token=" + expiredToken);
		HttpResponse<String> tokenPost = post("/respond/" + overdueToken.getId(), Map.of("token", expiredToken, "option", "Approve"));
		HttpResponse<String> actionPage = get(expiredLink);
		HttpResponse<String> cancelledPage = get(cancelledLink);

		assertThat(tokenPage.statusCode()).isEqualTo(410);
		assertThat(tokenPage.body()).contains("Expired");
		assertThat(tokenPost.statusCode()).isEqualTo(410);
		assertThat(this.actions.find(overdueToken.getId()).getStatus()).isNotEqualTo(ActionStatus.COMPLETED);
		assertThat(actionPage.statusCode()).isEqualTo(410);
		assertThat(actionPage.body()).contains("Expired");
		assertThat(cancelledPage.statusCode()).isEqualTo(410);
		assertThat(cancelledPage.body()).contains("Withdrawn");
	}

	@Test
	void anOptionTheActionDoesNotTakeIsA400PageAndAnsweredElsewhereIsAlreadyAnswered() throws Exception {
		ActionRequest action = actionOf(startApproval("Approve order 10?"));
		String token = this.tokens.issue(ResponseLinks.PURPOSE, action.getId().toString(), action.getExpiresAt());

		HttpResponse<String> page = get("/respond/" + action.getId() + "?option=Maybe&token=" + token);
		HttpResponse<String> posted = post("/respond/" + action.getId(),
				Map.of("token", token, "option", "Maybe", "name", "Dora"));
		HttpResponse<String> tooLarge = post("/respond/" + action.getId(),
				Map.of("token", token, "answer", "x".repeat(70_000)));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Not one of the options").contains("Approve, Reject");
		assertThat(posted.statusCode()).isEqualTo(400);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		// looking at the page answers nothing; the two posted answers were refused, and audited as such
		List<Map<String, Object>> refusals = this.jdbc.queryForList("SELECT data->>'reason' AS reason, "
				+ "data->>'respondedBy' AS responded_by, data->>'channel' AS channel, user_id FROM action_audit "
				+ "WHERE action_id = ? AND event = 'response_rejected' ORDER BY timestamp", action.getId());
		assertThat(refusals).extracting((refusal) -> refusal.get("responded_by") + " with " + refusal.get("user_id")
				+ " on " + refusal.get("channel"))
			.containsExactly("Dora with email-link on email-link", "email-link with email-link on email-link");
		assertThat((String) refusals.get(0).get("reason")).contains("'Maybe' is not one of the expected responses");
		assertThat((String) refusals.get(1).get("reason")).contains("bytes as JSON; at most 65536");

		this.actions.respond(action.getId(), ResponseCommand.of("Reject", "api-user"));
		HttpResponse<String> late = get("/respond/" + action.getId() + "?option=Approve&token=" + token);
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("Already answered").contains("Reject");
	}

	@Test
	void theQuestionOptionsAndAnswerAreEscapedOnThePage() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("pageInject"), "<script>alert(1)</script>?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("expectedResponse", "<b>yes</b>, no")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		String token = this.tokens.issue(ResponseLinks.PURPOSE, action.getId().toString(), action.getExpiresAt());

		HttpResponse<String> page = get("/respond/" + action.getId() + "?option=" + enc("<b>yes</b>") + "&token=" + token);
		HttpResponse<String> bad = get("/respond/" + action.getId() + "?option=" + enc("<img src=x onerror=alert(2)>")
				+ "&token=" + token);
		HttpResponse<String> thanks = post("/respond/" + action.getId(), Map.of("token", token, "option", "<b>yes</b>",
				"name", "<i>Mallory</i>"));

		assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;?")
			.contains("&lt;b&gt;yes&lt;/b&gt;").doesNotContain("<b>yes</b>");
		assertThat(bad.body()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(2)&gt;");
		assertThat(thanks.statusCode()).isEqualTo(200);
		assertThat(thanks.body()).doesNotContain("<b>yes</b>").contains("&lt;b&gt;yes&lt;/b&gt;");
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("<i>Mallory</i>");
	}

	@Test
	void aFreeAnswerWithoutOptionsIsTypedOnThePage() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("free"), "Any remarks?", "email")
			.camundaInputParameter("to", "ann@to.example")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		MimeMessage message = deliveredOnce(dispatch(action.getId(), Purpose.REQUEST).messageId());
		Matcher link = LINK.matcher(body(message, "text/html"));
		assertThat(link.find()).isTrue();

		HttpResponse<String> page = get(link.group(1).replace("&amp;", "&"));
		assertThat(page.body()).contains("<textarea");
		HttpResponse<String> answered = post(formAction(page.body()), formFields(page.body(), Map.of("answer", "Looks good")));

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Looks good");
	}

	@Test
	void anAnswerWhoseProcessFailsAfterwardsIsThankedAndTheInstanceResumesFromAJob() throws Exception {
		String failing = deploy(failingAfter(hilTask(key("pageFailing"), "Ship it?", "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(failing, Map.of("broken", true));
		ActionRequest action = actionOf(instance);
		String token = this.tokens.issue(ResponseLinks.PURPOSE, action.getId().toString(), action.getExpiresAt());

		HttpResponse<String> answered = post("/respond/" + action.getId(), Map.of("token", token, "option", "approve"));

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("Thank you");
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ?", String.class,
				action.getId())).contains("completed", "resume_failed");
		assertThat(this.management.createJobQuery().processInstanceId(instance.getId()).count()).isOne();
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");
	}

	private ProcessInstance startApproval(String question) {
		String key = deploy(waitingAfter(hilTask(key("page"), question, "email")
			.camundaInputParameter("to", "ann@to.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")));
		return this.runtime.startProcessInstanceByKey(key);
	}

	/** The option links of the action's email, as paths of this app. */
	private Map<String, String> emailedLinks(ActionRequest action) throws Exception {
		MimeMessage message = deliveredOnce(dispatch(action.getId(), Purpose.REQUEST).messageId());
		Map<String, String> links = new LinkedHashMap<>();
		Matcher link = LINK.matcher(body(message, "text/html"));
		while (link.find()) {
			String path = link.group(1).replace("&amp;", "&");
			Matcher option = Pattern.compile("option=([^&]+)").matcher(path);
			option.find();
			links.put(java.net.URLDecoder.decode(option.group(1), StandardCharsets.UTF_8), path);
		}
		return links;
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((field) -> enc(field.getKey()) + "=" + enc(field.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Where the page's form posts to. */
	private static String formAction(String html) {
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
		assertThat(action.find()).as("a form on the page").isTrue();
		return action.group(1);
	}

	/** The hidden fields of the page's form, and what the person typed. */
	private static Map<String, String> formFields(String html, Map<String, String> typed) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(html);
		while (hidden.find()) {
			fields.put(hidden.group(1), org.jsoup.parser.Parser.unescapeEntities(hidden.group(2), true));
		}
		fields.putAll(typed);
		return fields;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
