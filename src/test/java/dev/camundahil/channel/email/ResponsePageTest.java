package dev.camundahil.channel.email;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

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
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.failingAfter;
import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static dev.camundahil.support.ResponsePages.encode;
import static dev.camundahil.support.ResponsePages.formAction;
import static dev.camundahil.support.ResponsePages.formFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response page behind the buttons of an email, opened over real HTTP without an API key: looking answers
 * nothing, confirming answers once and resumes the process, and a link that is not valid for the action, or an
 * action that is no longer open, gets a plain page that says so.
 */
class ResponsePageTest extends EmailTestSupport {

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

		HttpResponse<String> page = this.pages.get(links.get("Approve"));
		// a mail scanner fetching the link twice, and a HEAD, answer nothing
		this.pages.get(links.get("Approve"));
		this.pages.head(links.get("Reject"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(page.body()).contains("Approve order 7?").contains("Confirm").contains("<strong>Approve</strong>")
			.contains("For ann@to.example")
			.doesNotContain("name=\"name\"");
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("ask");

		// a name sent along with a recipient's link changes nothing: the answer is the recipient's
		HttpResponse<String> confirmed = this.pages.post(formAction(page.body()),
				formFields(page.body(), Map.of("name", "Mallory")));

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

		HttpResponse<String> again = this.pages.confirm(page);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("Already answered")
			.containsPattern("Answered Approve by ann@to.example on \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} \\(email link\\)");
		assertThat(this.pages.get(links.get("Reject")).body()).contains("Already answered").contains("by ann@to.example");
		assertThat(this.actions.find(action.getId()).getResponse().value()).isEqualTo("Approve");
	}

	@Test
	void withoutAnOptionThePageOffersTheOptionsAndAnAnswerWithoutANameIsByTheLink() throws Exception {
		ProcessInstance instance = startApproval("Ship it?");
		ActionRequest action = actionOf(instance);
		String token = this.tokens.issue(ResponseLinks.PURPOSE, action.getId().toString(), action.getExpiresAt());

		HttpResponse<String> page = this.pages.get("/respond/" + action.getId() + "?token=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"Approve\"").contains("value=\"Reject\"");

		HttpResponse<String> answered = this.pages.post("/respond/" + action.getId(),
				Map.of("token", token, "option", "reject"));

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
			HttpResponse<String> page = this.pages.get("/respond/" + action.getId() + "?option=Approve&token=" + bad);
			HttpResponse<String> posted = this.pages.post("/respond/" + action.getId(),
					Map.of("token", bad, "option", "Approve"));
			assertThat(page.statusCode()).as(bad).isEqualTo(403);
			assertThat(posted.statusCode()).as(bad).isEqualTo(403);
			assertThat(posted.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(posted.body()).contains("This link is not valid").doesNotContain("Exception").doesNotContain("at dev.");
		}
		assertThat(this.pages.get("/respond/" + action.getId() + "?option=Approve").statusCode()).isEqualTo(403);
		assertThat(this.pages.get("/respond/not-a-uuid?token=" + token).statusCode()).isEqualTo(403);
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

		HttpResponse<String> tokenPage = this.pages.get("/respond/" + overdueToken.getId() + "?option=Approve&token="
				+ expiredToken);
		HttpResponse<String> tokenPost = this.pages.post("/respond/" + overdueToken.getId(),
				Map.of("token", expiredToken, "option", "Approve"));
		HttpResponse<String> actionPage = this.pages.get(expiredLink);
		HttpResponse<String> cancelledPage = this.pages.get(cancelledLink);

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

		HttpResponse<String> page = this.pages.get("/respond/" + action.getId() + "?option=Maybe&token=" + token);
		HttpResponse<String> posted = this.pages.post("/respond/" + action.getId(),
				Map.of("token", token, "option", "Maybe", "name", "Dora"));
		HttpResponse<String> tooLarge = this.pages.post("/respond/" + action.getId(),
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
		HttpResponse<String> late = this.pages.get("/respond/" + action.getId() + "?option=Approve&token=" + token);
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

		HttpResponse<String> page = this.pages.get("/respond/" + action.getId() + "?option=" + encode("<b>yes</b>")
				+ "&token=" + token);
		HttpResponse<String> bad = this.pages.get("/respond/" + action.getId() + "?option="
				+ encode("<img src=x onerror=alert(2)>") + "&token=" + token);
		HttpResponse<String> thanks = this.pages.post("/respond/" + action.getId(),
				Map.of("token", token, "option", "<b>yes</b>", "name", "<i>Mallory</i>"));

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

		HttpResponse<String> page = this.pages.get(link.group(1).replace("&amp;", "&"));
		assertThat(page.body()).contains("<textarea");
		HttpResponse<String> answered = this.pages.post(formAction(page.body()),
				formFields(page.body(), Map.of("answer", "Looks good")));

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

		HttpResponse<String> answered = this.pages.post("/respond/" + action.getId(),
				Map.of("token", token, "option", "approve"));

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

	/** The option links of the action's email, sent now. */
	private Map<String, String> emailedLinks(ActionRequest action) throws Exception {
		return optionLinks(deliveredOnce(dispatch(action.getId(), Purpose.REQUEST).messageId()));
	}

}
