package dev.camundahil.channel.email;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.links.SignedTokens;
import dev.camundahil.support.HilApi.Reply;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static dev.camundahil.support.HilApi.assertProblem;
import static dev.camundahil.support.ResponsePages.formAction;
import static dev.camundahil.support.ResponsePages.formFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Links of one's own, over real HTTP with the emails a real SMTP server received from the dispatch outbox: each
 * recipient's copy answers as them, every link shows what became of a closed action, a reassignment sends the new
 * person their own links and closes the removed one's, a recipient passes the question on from the page, and links
 * signed with a rotated-out key still answer.
 */
class PeopleLinksTest extends EmailTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void eachRecipientAnswersAsThemselvesAndTheOthersSeeWhoAnsweredWhatAndWhen() throws Exception {
		ProcessInstance instance = start("Approve order 21?", "ann@people.example", "bob@people.example");
		ActionRequest action = actionOf(instance);
		Map<String, String> ann = emailedLinks("ann@people.example", action.getId());
		Map<String, String> bob = emailedLinks("bob@people.example", action.getId());
		assertThat(ann.get("Approve")).isNotEqualTo(bob.get("Approve"));

		HttpResponse<String> annPage = this.pages.get(ann.get("Approve"));
		HttpResponse<String> bobPage = this.pages.get(bob.get("Reject"));
		assertThat(annPage.body()).contains("For ann@people.example");
		assertThat(bobPage.body()).contains("For bob@people.example");
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

		HttpResponse<String> answered = this.pages.confirm(annPage);

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@people.example");
		HttpResponse<String> late = this.pages.confirm(bobPage);
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).containsPattern("Answered Approve by ann@people\\.example on \\d{1,2} \\w{3} \\d{4}, "
				+ "\\d{2}:\\d{2} \\(email link\\)");
		assertThat(this.pages.get(bob.get("Approve")).body()).contains("Answered Approve by ann@people.example");
		// a link answers once: ann's own link, posted again, answers nothing more
		assertThat(this.pages.confirm(annPage).statusCode()).isEqualTo(409);
		assertThat(this.actions.find(action.getId()).getResponse().value()).isEqualTo("Approve");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? AND event = 'completed'",
				Integer.class, action.getId())).isOne();
	}

	@Test
	void everyLinkSaysWhenTheActionExpiredOrWasWithdrawn() throws Exception {
		ActionRequest expired = actionOf(start("Late?", "ann@people.example"));
		ActionRequest withdrawn = actionOf(start("Withdrawn?", "ann@people.example"));
		String expiredLink = emailedLinks("ann@people.example", expired.getId()).get("Approve");
		String withdrawnLink = emailedLinks("ann@people.example", withdrawn.getId()).get("Approve");

		this.actions.expire(expired.getId());
		this.actions.cancel(withdrawn.getId(), "order withdrawn", "clerk");

		HttpResponse<String> expiredPage = this.pages.get(expiredLink);
		HttpResponse<String> withdrawnPage = this.pages.postLink(withdrawnLink);
		assertThat(expiredPage.statusCode()).isEqualTo(410);
		assertThat(expiredPage.body()).containsPattern("Expired on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
		assertThat(withdrawnPage.statusCode()).isEqualTo(410);
		assertThat(withdrawnPage.body()).containsPattern("Withdrawn on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
		assertThat(this.actions.find(withdrawn.getId()).getStatus()).isEqualTo(ActionStatus.CANCELLED);
	}

	@Test
	void aReassignmentSendsTheNewPersonTheirOwnLinksAndTheRemovedOnesLinksSayWhereItWent() throws Exception {
		ProcessInstance instance = start("Approve order 22?", "ann@people.example", "bob@people.example");
		ActionRequest action = actionOf(instance);
		Map<String, String> ann = emailedLinks("ann@people.example", action.getId());

		Reply reassigned = this.api.post("/api/v1/actions/" + action.getId() + "/reassign",
				"{\"from\": [\"ann@people.example\"], \"to\": [\"carol@people.example\"], \"reason\": \"Ann is away\"}");

		assertThat(reassigned.status()).as("%s", reassigned.body()).isEqualTo(200);
		JsonNode result = reassigned.body();
		assertThat(result.get("action").get("status").asText()).isEqualTo("pending");
		assertThat(result.get("recipients").findValuesAsText("address")).containsExactly("ann@people.example",
				"bob@people.example", "carol@people.example");
		Map<String, String> carol = emailedLinks("carol@people.example", action.getId());
		MimeMessage carolsEmail = inboxOf("carol@people.example", action.getId()).get(0);
		assertThat(addresses(carolsEmail.getRecipients(jakarta.mail.Message.RecipientType.TO)))
			.containsExactly("carol@people.example");

		HttpResponse<String> annPage = this.pages.get(ann.get("Approve"));
		assertThat(annPage.statusCode()).isEqualTo(410);
		assertThat(annPage.body()).containsPattern("Passed to carol@people\\.example on \\d{1,2} \\w{3} \\d{4}");
		HttpResponse<String> annPost = this.pages.postLink(ann.get("Approve"));
		assertThat(annPost.statusCode()).isEqualTo(410);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

		HttpResponse<String> carolPage = this.pages.get(carol.get("Reject"));
		HttpResponse<String> answered = this.pages.confirm(carolPage);
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("carol@people.example");
		assertThat(this.runtime.getVariable(instance.getId(), "hilResponse")).isEqualTo("Reject");

		Map<String, Object> audit = this.jdbc.queryForMap("SELECT data->>'from' AS \"from\", data->>'to' AS \"to\", "
				+ "data->>'reason' AS reason, data->>'delegated' AS delegated, user_id FROM action_audit "
				+ "WHERE action_id = ? AND event = 'reassigned'", action.getId());
		assertThat(audit).containsEntry("from", "[\"ann@people.example\"]")
			.containsEntry("to", "[\"carol@people.example\"]")
			.containsEntry("reason", "Ann is away")
			.containsEntry("delegated", "false")
			.containsEntry("user_id", "tests");
		// carol's request went out once, from its own outbox row, whose delivery is recorded a moment after the mail
		// server took the email
		await().atMost(PATIENCE).until(() -> this.jdbc.queryForObject("SELECT count(*) FROM action_dispatch "
				+ "WHERE action_id = ? AND recipient = 'carol@people.example' AND status = 'delivered'", Integer.class,
				action.getId()) >= 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_dispatch WHERE action_id = ? "
				+ "AND recipient = 'carol@people.example'", Integer.class, action.getId())).isOne();
		assertThat(inboxOf("carol@people.example", action.getId())).hasSize(1);
	}

	@Test
	void theRequestOfSomeoneAReassignmentAddedIsRetriedWhileTheMailServerIsDownAndArrivesOnce() throws Exception {
		ActionRequest action = actionOf(start("Approve order 28?", "ann@people.example"));
		emailedLinks("ann@people.example", action.getId());
		String erinsRow = "SELECT status || ':' || attempts || ':' || (last_error IS NOT NULL) FROM action_dispatch "
				+ "WHERE action_id = ? AND recipient = 'erin@people.example'";
		mail.stop();
		try {
			this.actions.reassign(action.getId(), new dev.camundahil.action.Reassignment(List.of(),
					List.of("erin@people.example"), null, "clerk", false));
			await().atMost(PATIENCE).until(() -> this.jdbc.queryForObject(erinsRow, String.class, action.getId())
				.matches("pending:[1-9]\\d*:true"));
		}
		finally {
			startMail();
		}

		await().atMost(PATIENCE).until(() -> this.jdbc.queryForObject(erinsRow, String.class, action.getId())
			.startsWith("delivered:"));
		assertThat(inboxOf("erin@people.example", action.getId())).hasSize(1);
		assertThat(mail.getUserManager().getUserByEmail("ann@people.example")).as("ann is not mailed again").isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? AND event = "
				+ "'dispatched' AND data->>'recipient' = 'erin@people.example'", Integer.class, action.getId())).isOne();
	}

	@Test
	void aReassignmentThatCannotBeDoneIsAProblemAndChangesNothing() throws Exception {
		ActionRequest action = actionOf(start("Approve order 23?", "ann@people.example"));
		ActionRequest closed = actionOf(start("Approve order 24?", "ann@people.example"));
		this.actions.respond(closed.getId(), ResponseCommand.of("Approve", "api-user"));
		String path = "/api/v1/actions/" + action.getId() + "/reassign";

		assertProblem(this.api.post("/api/v1/actions/" + UUID.randomUUID() + "/reassign",
				"{\"to\": [\"x@people.example\"]}"), 404, "No action with id");
		assertProblem(this.api.post("/api/v1/actions/" + closed.getId() + "/reassign",
				"{\"to\": [\"x@people.example\"]}"), 409, "already completed");
		assertProblem(this.api.post(path, "{\"to\": []}"), 400, "'to' is required");
		assertProblem(this.api.post(path, "{\"reason\": \"no one\"}"), 400, "'to' is required");
		assertProblem(this.api.post(path, "{\"to\": [\"not an address\"]}"), 400, "not an email address");
		assertProblem(this.api.post(path, "{\"to\": [\"Bob <bob@people.example>\"]}"), 400, "not an email address");
		assertProblem(this.api.post(path, "{\"from\": [\"zed@people.example\"], \"to\": [\"bob@people.example\"]}"),
				400, "not a current recipient");
		assertProblem(this.api.post(path, "{\"to\": [\"ann@people.example\"]}"), 400, "Nothing changes");
		assertProblem(this.api.post(path, "{\"to\": [\"bob@people.example\"], \"colour\": 1}"), 400, "colour");
		assertProblem(this.api.post(path, "{\"to\": [null]}"), 400, "'to' holds null");
		assertProblem(this.api.post(path, "{\"from\": [null], \"to\": [\"bob@people.example\"]}"), 400,
				"'from' holds null");
		assertProblem(this.api.post(path, "{\"to\": \"bob@people.example\"}"), 400,
				"'to' has the wrong type: expected an array");

		assertThat(this.actions.recipients(action.getId())).extracting(ActionRecipient::address, ActionRecipient::isActive)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ann@people.example", true));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE event = 'reassigned' "
				+ "AND action_id IN (?, ?)", Integer.class, action.getId(), closed.getId())).isZero();
		assertThat(this.actions.find(action.getId()).getVersion()).isEqualTo(action.getVersion());
	}

	@Test
	void aRecipientPassesTheQuestionOnFromTheirPageWhereTheTaskAllowsIt() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("delegate"), "Approve order 25?", "email")
			.camundaInputParameter("to", "ann@people.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("allowDelegation", "true")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		Map<String, String> ann = emailedLinks("ann@people.example", action.getId());
		HttpResponse<String> page = this.pages.get(ann.get("Approve"));
		assertThat(page.body()).contains("Pass this on");
		String passAction = formAction(page.body()) + "/pass";
		Map<String, String> fields = formFields(page.body());
		fields.remove("option");

		Map<String, String> bad = new LinkedHashMap<>(fields);
		bad.put("to", "dave at people");
		HttpResponse<String> refused = this.pages.post(passAction, bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("is not an email address");

		Map<String, String> pass = new LinkedHashMap<>(fields);
		pass.put("to", "dave@people.example");
		pass.put("note", "I am away until Monday");
		HttpResponse<String> passed = this.pages.post(passAction, pass);

		assertThat(passed.statusCode()).isEqualTo(200);
		assertThat(passed.body()).contains("Passed to dave@people.example on");
		assertThat(this.pages.get(ann.get("Reject")).body()).contains("Passed to dave@people.example on");
		Map<String, String> dave = emailedLinks("dave@people.example", action.getId());
		String davesEmail = body(inboxOf("dave@people.example", action.getId()).get(0), "text/plain");
		assertThat(davesEmail).contains("ann@people.example passed this question on to you")
			.contains("I am away until Monday");
		HttpResponse<String> davePage = this.pages.get(dave.get("Approve"));
		assertThat(this.pages.confirm(davePage).statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("dave@people.example");
		Map<String, Object> audit = this.jdbc.queryForMap("SELECT data->>'reason' AS reason, data->>'delegated' AS "
				+ "delegated, user_id FROM action_audit WHERE action_id = ? AND event = 'reassigned'", action.getId());
		assertThat(audit).containsEntry("reason", "I am away until Monday")
			.containsEntry("delegated", "true")
			.containsEntry("user_id", "ann@people.example");
	}

	@Test
	void withoutAllowDelegationThePageOffersNoPassingOnAndRefusesIt() throws Exception {
		ActionRequest action = actionOf(start("Approve order 26?", "ann@people.example"));
		Map<String, String> ann = emailedLinks("ann@people.example", action.getId());
		HttpResponse<String> page = this.pages.get(ann.get("Approve"));
		assertThat(page.body()).doesNotContain("Pass this on");
		Map<String, String> pass = formFields(page.body());
		pass.put("to", "dave@people.example");

		assertThat(this.pages.post(formAction(page.body()) + "/pass", pass).statusCode()).isEqualTo(403);
		assertThat(this.actions.recipients(action.getId())).extracting(ActionRecipient::address)
			.containsExactly("ann@people.example");
	}

	@Test
	void linksSignedWithAPreviousKeyStillAnswerAfterTheKeyRotated() throws Exception {
		ProcessInstance instance = start("Approve order 27?", "ann@people.example");
		ActionRequest action = actionOf(instance);
		ActionRecipient ann = this.actions.recipients(action.getId()).get(0);
		SignedTokens before = new SignedTokens(PREVIOUS_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
		String signedBefore = before.issue(ResponseLinks.PURPOSE, action.getId() + "/" + ann.id(), action.getExpiresAt());
		// a token from before tokens named their key: payload and signature only
		String withoutKeyId = signedBefore.substring(0, signedBefore.lastIndexOf('.'));
		String unknownKey = new SignedTokens("a-key-this-application-never-had".getBytes(StandardCharsets.UTF_8),
				Clock.systemUTC())
			.issue(ResponseLinks.PURPOSE, action.getId() + "/" + ann.id(), action.getExpiresAt());
		String path = "/respond/" + action.getId();

		assertThat(this.pages.get(path + "?option=Approve&r=" + ann.id() + "&token=" + unknownKey).statusCode())
			.isEqualTo(403);
		assertThat(this.pages.get(path + "?option=Approve&r=" + ann.id() + "&token=" + withoutKeyId).statusCode())
			.isEqualTo(200);
		HttpResponse<String> answered = this.pages.post(path, Map.of("r", ann.id().toString(), "token", signedBefore,
				"option", "Approve"));

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@people.example");
		// new links are signed with the current key, which the token names
		String current = emailedLinks("ann@people.example", action.getId()).get("Approve");
		assertThat(current).endsWith("." + new SignedTokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
			.currentKeyId());
	}

	private ProcessInstance start(String question, String... to) {
		String key = deploy(waitingAfter(hilTask(key("people"), question, "email")
			.camundaInputParameter("to", String.join(",", to))
			.camundaInputParameter("expectedResponse", "Approve,Reject")));
		return this.runtime.startProcessInstanceByKey(key);
	}

	private static List<String> addresses(jakarta.mail.Address[] addresses) {
		return java.util.Arrays.stream(addresses)
			.map((address) -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
			.toList();
	}

}
