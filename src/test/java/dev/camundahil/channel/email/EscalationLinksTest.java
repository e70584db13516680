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
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.schedule.RecurringWork;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation with a real SMTP server and links over HTTP: a due level adds its person, who gets the request once
 * with links of their own and becomes an approver; the earlier recipient's links keep working; a level not yet due
 * waits.
 */
class EscalationLinksTest extends EmailTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Pattern LINK = Pattern.compile("href=\"" + Pattern.quote(BASE_URL) + "([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilEscalation")
	RecurringWork escalation;

	@Test
	void aDueLevelAddsItsPersonWithOwnLinksOnceAndTheyVote() throws Exception {
		String key = deploy(waitingAfter(hilTask(key("escalation"), "Approve order 51?", "email")
			.camundaInputParameter("to", "ann@esc.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("approval", "all")
			.camundaInputParameter("escalation", "P1D: director@esc.example; PT4H: lead@esc.example")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = actionOf(instance);
		assertThat(action.getArgs().get("escalation")).asList().hasSize(2);
		Map<String, String> ann = emailedLinks("ann@esc.example", action.getId());

		this.jdbc.update("UPDATE action_escalation SET due_at = now() - interval '1 second' WHERE action_id = ? "
				+ "AND level = 1", action.getId());
		this.escalation.sweep();
		this.escalation.sweep();

		Map<String, String> lead = emailedLinks("lead@esc.example", action.getId());
		assertThat(this.actions.recipients(action.getId())).extracting(ActionRecipient::address)
			.containsExactly("ann@esc.example", "lead@esc.example");
		assertThat(this.actions.find(action.getId()).getArgs().get("approvers")).isEqualTo(
				List.of("ann@esc.example", "lead@esc.example"));
		assertThat(mail.getUserManager().getUserByEmail("director@esc.example")).as("level 2 is a day away").isNull();
		await().atMost(PATIENCE).until(() -> this.jdbc.queryForObject("SELECT count(*) FROM action_dispatch WHERE "
				+ "action_id = ? AND recipient = 'lead@esc.example' AND status = 'delivered'", Integer.class,
				action.getId()) == 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_dispatch WHERE action_id = ? "
				+ "AND recipient = 'lead@esc.example'", Integer.class, action.getId())).isOne();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? "
				+ "AND event = 'escalated'", Integer.class, action.getId())).isOne();

		HttpResponse<String> annPage = get(ann.get("Approve"));
		assertThat(annPage.statusCode()).isEqualTo(200);
		assertThat(post(formAction(annPage.body()), formFields(annPage.body())).statusCode()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getStatus()).as("the lead has a vote too")
			.isEqualTo(ActionStatus.PENDING);
		HttpResponse<String> leadPage = get(lead.get("Approve"));
		assertThat(post(formAction(leadPage.body()), formFields(leadPage.body())).statusCode()).isEqualTo(200);

		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "lead@esc.example");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_escalation WHERE action_id = ? "
				+ "AND done_at IS NULL", Integer.class, action.getId())).as("level 2, dropped with the action").isZero();
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
		}, Objects::nonNull);
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

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
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

	private static Map<String, String> formFields(String html) {
		String form = html.substring(html.indexOf("<form"), html.indexOf("</form>"));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
		while (hidden.find()) {
			fields.put(hidden.group(1), org.jsoup.parser.Parser.unescapeEntities(hidden.group(2), true));
		}
		return fields;
	}

}
