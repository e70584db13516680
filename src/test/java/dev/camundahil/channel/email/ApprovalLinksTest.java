package dev.camundahil.channel.email;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several approvers over real HTTP with the emails a real SMTP server received: votes through people's own links
 * and the API mixed, a link showing its owner's vote, the decision shown to everyone, and a recipient who is not an
 * approver refused.
 */
class ApprovalLinksTest extends EmailTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Pattern LINK = Pattern.compile("href=\"" + Pattern.quote(BASE_URL) + "([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void underAllTheToAndCcRecipientsVoteByLinkAndApiAndTheLastApprovalDecides() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("approvalLinks"), "Approve order 41?", "email")
			.camundaInputParameter("to", "ann@vote.example, bob@vote.example")
			.camundaInputParameter("cc", "carol@vote.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "all")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		assertThat(action.getArgs()).containsEntry("approvers",
				List.of("ann@vote.example", "bob@vote.example", "carol@vote.example"));
		Map<String, String> ann = emailedLinks("ann@vote.example", action.getId());
		Map<String, String> carol = emailedLinks("carol@vote.example", action.getId());

		HttpResponse<String> annPage = get(ann.get("Approve"));
		assertThat(post(formAction(annPage.body()), formFields(annPage.body())).statusCode()).isEqualTo(200);
		HttpResponse<String> annAgain = get(ann.get("Reject"));
		assertThat(annAgain.statusCode()).isEqualTo(409);
		assertThat(annAgain.body()).contains("Answered Approve by ann@vote.example");
		assertThat(post(formAction(annPage.body()), formFields(annPage.body())).statusCode()).isEqualTo(409);
		HttpResponse<String> bob = api("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"Bob@vote.example\"}");
		assertThat(bob.statusCode()).as(bob.body()).isEqualTo(200);
		assertThat(this.json.readTree(bob.body()).get("tally").get("voted").asInt()).isEqualTo(2);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

		HttpResponse<String> carolPage = get(carol.get("Approve"));
		assertThat(post(formAction(carolPage.body()), formFields(carolPage.body())).statusCode()).isEqualTo(200);

		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "carol@vote.example")
			.containsEntry("hilDecided", true);
		JsonNode votes = this.json.valueToTree(this.runtime.getVariable(instance.getId(), "hilVotes"));
		assertThat(votes.findValuesAsText("by")).containsExactly("ann@vote.example", "bob@vote.example",
				"carol@vote.example");
		assertThat(votes.findValuesAsText("channel")).containsExactly("email-link", "api", "email-link");
		// everyone's links now show the decision
		assertThat(get(ann.get("Approve")).body()).contains("Answered Approve by carol@vote.example");
	}

	@Test
	void aRecipientWhoIsNotAnApproverCannotVote() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("approvalOthers"), "Approve order 42?", "email")
			.camundaInputParameter("to", "ann@vote.example, dave@vote.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "quorum:1")
			.camundaInputParameter("approvers", "ann@vote.example")));
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key));
		Map<String, String> dave = emailedLinks("dave@vote.example", action.getId());

		HttpResponse<String> davePage = get(dave.get("Reject"));
		HttpResponse<String> refused = post(formAction(davePage.body()), formFields(davePage.body()));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);
		assertThat(this.actions.find(action.getId()).getVotes()).isEmpty();
	}

	@Test
	void aReassignmentPassesTheVoteOfTheApproversItRemoves() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("approvalPassed"), "Approve order 43?", "email")
			.camundaInputParameter("to", "ann@vote.example, bob@vote.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "all")));
		ActionRequest action = actionOf(this.runtime.startProcessInstanceByKey(key));
		emailedLinks("ann@vote.example", action.getId());

		this.actions.reassign(action.getId(), new dev.camundahil.action.Reassignment(List.of("ann@vote.example"),
				List.of("erin@vote.example"), "Ann is away", "clerk", false));

		assertThat(this.actions.find(action.getId()).getArgs().get("approvers"))
			.isEqualTo(List.of("bob@vote.example", "erin@vote.example"));
		HttpResponse<String> ann = api("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"ann@vote.example\"}");
		assertThat(ann.statusCode()).isEqualTo(403);
		Map<String, String> erin = emailedLinks("erin@vote.example", action.getId());
		HttpResponse<String> erinPage = get(erin.get("Approve"));
		assertThat(post(formAction(erinPage.body()), formFields(erinPage.body())).statusCode()).isEqualTo(200);
		api("/api/v1/actions/" + action.getId() + "/respond",
				"{\"value\": \"Approve\", \"respondedBy\": \"bob@vote.example\"}");

		assertThat(this.actions.find(action.getId()).getResponse().value()).isEqualTo("Approve");
		assertThat(this.actions.find(action.getId()).getVotes()).extracting((vote) -> vote.by())
			.containsExactly("erin@vote.example", "bob@vote.example");
	}

	/** The option links of the email the outbox sent to one person about one action, as paths of this app. */
	private Map<String, String> emailedLinks(String address, UUID actionId) throws Exception {
		MimeMessage message = await().atMost(PATIENCE).until(() -> {
			var user = mail.getUserManager().getUserByEmail(address);
			if (user == null) {
				return null;
			}
			for (var stored : mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
				MimeMessage candidate = stored.getMimeMessage();
				if (header(candidate, EmailChannel.ACTION_ID_HEADER).contains(actionId.toString())) {
					return candidate;
				}
			}
			return null;
		}, java.util.Objects::nonNull);
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

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> api(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(path))
			.header("X-API-Key", "test-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
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
