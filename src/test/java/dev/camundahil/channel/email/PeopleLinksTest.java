package dev.camundahil.channel.email;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Links of one's own, over real HTTP with the emails a real SMTP server received from the dispatch outbox: each
 * recipient's copy answers as them, every link shows what became of a closed action, a reassignment sends the new
 * person their own links and closes the removed one's, a recipient passes the question on from the page, and links
 * signed with a rotated-out key still answer.
 */
class PeopleLinksTest extends EmailTestSupport {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Pattern LINK = Pattern.compile("href=\"" + Pattern.quote(BASE_URL) + "([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void eachRecipientAnswersAsThemselvesAndTheOthersSeeWhoAnsweredWhatAndWhen() throws Exception {
		ProcessInstance instance = start("Approve order 21?", "ann@people.example", "bob@people.example");
		ActionRequest action = actionOf(instance);
		Map<String, String> ann = emailedLinks("ann@people.example", action.getId());
		Map<String, String> bob = emailedLinks("bob@people.example", action.getId());
		assertThat(ann.get("Approve")).isNotEqualTo(bob.get("Approve"));

		HttpResponse<String> annPage = get(ann.get("Approve"));
		HttpResponse<String> bobPage = get(bob.get("Reject"));
		assertThat(annPage.body()).contains("For ann@people.example");
		assertThat(bobPage.body()).contains("For bob@people.example");
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

		HttpResponse<String> answered = post(formAction(annPage.body()), formFields(annPage.body()));

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@people.example");
		HttpResponse<String> late = post(formAction(bobPage.body()), formFields(bobPage.body()));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).containsPattern("Answered Approve by ann@people\\.example on \\d{1,2} \\w{3} \\d{4}, "
				+ "\\d{2}:\\d{2} \\(email link\\)");
		assertThat(get(bob.get("Approve")).body()).contains("Answered Approve by ann@people.example");
		// a link answers once: ann's own link, posted again, answers nothing more
		assertThat(post(formAction(annPage.body()), formFields(annPage.body())).statusCode()).isEqualTo(409);
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

		HttpResponse<String> expiredPage = get(expiredLink);
		HttpResponse<String> withdrawnPage = post(withdrawnLink.substring(0, withdrawnLink.indexOf('?')),
				query(withdrawnLink));
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

		HttpResponse<String> reassigned = api("POST", "/api/v1/actions/" + action.getId() + "/reassign",
				"{\"from\": [\"ann@people.example\"], \"to\": [\"carol@people.example\"], \"reason\": \"Ann is away\"}");

		assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
		JsonNode result = this.json.readTree(reassigned.body());
		assertThat(result.get("action").get("status").asText()).isEqualTo("pending");
		assertThat(result.get("recipients").findValuesAsText("address")).containsExactly("ann@people.example",
				"bob@people.example", "carol@people.example");
		Map<String, String> carol = emailedLinks("carol@people.example", action.getId());
		MimeMessage carolsEmail = inboxOf("carol@people.example", action.getId()).get(0);
		assertThat(addresses(carolsEmail.getRecipients(jakarta.mail.Message.RecipientType.TO)))
			.containsExactly("carol@people.example");

		HttpResponse<String> annPage = get(ann.get("Approve"));
		assertThat(annPage.statusCode()).isEqualTo(410);
		assertThat(annPage.body()).containsPattern("Passed to carol@people\\.example on \\d{1,2} \\w{3} \\d{4}");
		HttpResponse<String> annPost = post(ann.get("Approve").substring(0, ann.get("Approve").indexOf('?')),
				query(ann.get("Approve")));
		assertThat(annPost.statusCode()).isEqualTo(410);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

		HttpResponse<String> carolPage = get(carol.get("Reject"));
		HttpResponse<String> answered = post(formAction(carolPage.body()), formFields(carolPage.body()));
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
		// carol's request went out once, from its own outbox row
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_dispatch WHERE action_id = ? "
				+ "AND recipient = 'carol@people.example' AND status = 'delivered'", Integer.class, action.getId())).isOne();
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

		assertProblem(api("POST", "/api/v1/actions/" + UUID.randomUUID() + "/reassign", "{\"to\": [\"x@people.example\"]}"),
				404, "No action with id");
		assertProblem(api("POST", "/api/v1/actions/" + closed.getId() + "/reassign", "{\"to\": [\"x@people.example\"]}"),
				409, "already completed");
		assertProblem(api("POST", path, "{\"to\": []}"), 400, "'to' is required");
		assertProblem(api("POST", path, "{\"reason\": \"no one\"}"), 400, "'to' is required");
		assertProblem(api("POST", path, "{\"to\": [\"not an address\"]}"), 400, "not an email address");
		assertProblem(api("POST", path, "{\"to\": [\"Bob <bob@people.example>\"]}"), 400, "not an email address");
		assertProblem(api("POST", path, "{\"from\": [\"zed@people.example\"], \"to\": [\"bob@people.example\"]}"), 400,
				"not a current recipient");
		assertProblem(api("POST", path, "{\"to\": [\"ann@people.example\"]}"), 400, "Nothing changes");
		assertProblem(api("POST", path, "{\"to\": [\"bob@people.example\"], \"colour\": 1}"), 400, "colour");

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
		HttpResponse<String> page = get(ann.get("Approve"));
		assertThat(page.body()).contains("Pass this on");
		String passAction = formAction(page.body()) + "/pass";
		Map<String, String> fields = formFields(page.body());
		fields.remove("option");

		Map<String, String> bad = new LinkedHashMap<>(fields);
		bad.put("to", "dave at people");
		HttpResponse<String> refused = post(passAction, bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("is not an email address");

		Map<String, String> pass = new LinkedHashMap<>(fields);
		pass.put("to", "dave@people.example");
		pass.put("note", "I am away until Monday");
		HttpResponse<String> passed = post(passAction, pass);

		assertThat(passed.statusCode()).isEqualTo(200);
		assertThat(passed.body()).contains("Passed to dave@people.example on");
		assertThat(get(ann.get("Reject")).body()).contains("Passed to dave@people.example on");
		Map<String, String> dave = emailedLinks("dave@people.example", action.getId());
		String davesEmail = body(inboxOf("dave@people.example", action.getId()).get(0), "text/plain");
		assertThat(davesEmail).contains("ann@people.example passed this question on to you")
			.contains("I am away until Monday");
		HttpResponse<String> davePage = get(dave.get("Approve"));
		assertThat(post(formAction(davePage.body()), formFields(davePage.body())).statusCode()).isEqualTo(200);
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
		HttpResponse<String> page = get(ann.get("Approve"));
		assertThat(page.body()).doesNotContain("Pass this on");
		Map<String, String> pass = formFields(page.body());
		pass.put("to", "dave@people.example");

		assertThat(post(formAction(page.body()) + "/pass", pass).statusCode()).isEqualTo(403);
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

		assertThat(get(path + "?option=Approve&r=" + ann.id() + "&token=" + unknownKey).statusCode()).isEqualTo(403);
		assertThat(get(path + "?option=Approve&r=" + ann.id() + "&token=" + withoutKeyId).statusCode()).isEqualTo(200);
		HttpResponse<String> answered = post(path, Map.of("r", ann.id().toString(), "token", signedBefore,
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

	/** The option links of the email the outbox sent to one person about one action, as paths of this app. */
	private Map<String, String> emailedLinks(String address, UUID actionId) throws Exception {
		MimeMessage message = inboxOf(address, actionId).get(0);
		Map<String, String> links = new LinkedHashMap<>();
		Matcher link = LINK.matcher(body(message, "text/html"));
		while (link.find()) {
			String path = link.group(1).replace("&amp;", "&");
			Matcher option = Pattern.compile("option=([^&]+)").matcher(path);
			option.find();
			links.put(URLDecoder.decode(option.group(1), StandardCharsets.UTF_8), path);
		}
		return links;
	}

	/** The emails about one action in one person's mailbox, waiting for the first to arrive. */
	private List<MimeMessage> inboxOf(String address, UUID actionId) {
		return await().atMost(PATIENCE).until(() -> {
			var user = mail.getUserManager().getUserByEmail(address);
			if (user == null) {
				return List.<MimeMessage>of();
			}
			List<MimeMessage> found = new java.util.ArrayList<>();
			for (var stored : mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
				MimeMessage message = stored.getMimeMessage();
				if (header(message, EmailChannel.ACTION_ID_HEADER).contains(actionId.toString())) {
					found.add(message);
				}
			}
			return found;
		}, (found) -> !found.isEmpty());
	}

	private static List<String> addresses(jakarta.mail.Address[] addresses) {
		return java.util.Arrays.stream(addresses)
			.map((address) -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
			.toList();
	}

	private void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("detail").asText()).contains(detail);
	}

	private HttpResponse<String> api(String method, String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(path))
			.header("X-API-Key", "test-key")
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
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

	/** The query parameters of a link, to post them as a form. */
	private static Map<String, String> query(String link) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
			int equals = pair.indexOf('=');
			fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	private static String formAction(String html) {
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
		assertThat(action.find()).as("a form on the page").isTrue();
		return action.group(1);
	}

	/** The hidden fields of the page's first form. */
	private static Map<String, String> formFields(String html) {
		String form = html.substring(html.indexOf("<form"), html.indexOf("</form>"));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
		while (hidden.find()) {
			fields.put(hidden.group(1), org.jsoup.parser.Parser.unescapeEntities(hidden.group(2), true));
		}
		return fields;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
