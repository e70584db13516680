package dev.camundahil.channel.email;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.links.SignedTokens;
import dev.camundahil.support.HilApi.Reply;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links of an extended action, over real HTTP: a link carries the deadline the action had when it was sent, yet it
 * answers until the action's current deadline, and no longer than that.
 */
class ExtendedLinksTest extends EmailTestSupport {

	private final SignedTokens signer = new SignedTokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLinkSentBeforeTheOldDeadlinePassedAnswersUntilTheNewOne() throws Exception {
		ProcessInstance instance = start();
		ActionRequest action = actionOf(instance);
		ActionRecipient ann = this.actions.recipients(action.getId()).get(0);
		// the link as it was sent, signed with the deadline of then, which has passed since
		String sentEarlier = this.signer.issue(ResponseLinks.PURPOSE, action.getId() + "/" + ann.id(),
				Instant.now().minus(Duration.ofMinutes(5)));
		String path = "/respond/" + action.getId();

		Reply extended = this.api.post("/api/v1/actions/" + action.getId() + "/extend", "{\"by\": \"P2D\"}");
		assertThat(extended.status()).as("%s", extended.body()).isEqualTo(200);

		HttpResponse<String> page = this.pages.get(path + "?option=Approve&r=" + ann.id() + "&token=" + sentEarlier);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		HttpResponse<String> answered = this.pages.post(path, Map.of("r", ann.id().toString(), "token", sentEarlier,
				"option", "Approve"));

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(this.runtime.getVariable(instance.getId(), "hilRespondedBy")).isEqualTo("ann@extend.example");
	}

	@Test
	void aLinkSignedForLongerStillEndsAtTheActionsDeadline() throws Exception {
		ActionRequest action = actionOf(start());
		ActionRecipient ann = this.actions.recipients(action.getId()).get(0);
		String longLived = this.signer.issue(ResponseLinks.PURPOSE, action.getId() + "/" + ann.id(),
				Instant.now().plus(Duration.ofDays(30)));
		// the deadline passed, before the expiry sweep has got to the action
		this.jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 minute' WHERE id = ?",
				action.getId());

		HttpResponse<String> page = this.pages.get("/respond/" + action.getId() + "?option=Approve&r=" + ann.id()
				+ "&token=" + longLived);

		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).containsPattern("Expired on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
		assertThat(this.actions.find(action.getId()).getStatus()).isNotEqualTo(ActionStatus.COMPLETED);
	}

	@Test
	void aForgedLinkStaysRefusedWhateverTheDeadline() throws Exception {
		ActionRequest action = actionOf(start());
		ActionRecipient ann = this.actions.recipients(action.getId()).get(0);
		String forged = new SignedTokens("not-the-secret-of-this-application".getBytes(StandardCharsets.UTF_8),
				Clock.systemUTC())
			.issue(ResponseLinks.PURPOSE, action.getId() + "/" + ann.id(), Instant.now().plus(Duration.ofDays(1)));

		assertThat(this.pages.get("/respond/" + action.getId() + "?option=Approve&r=" + ann.id() + "&token=" + forged)
			.statusCode()).isEqualTo(403);
	}

	private ProcessInstance start() {
		String key = deploy(waitingAfter(hilTask(key("extended"), "Approve order 31?", "email")
			.camundaInputParameter("to", "ann@extend.example")
			.camundaInputParameter("expectedResponse", "Approve,Reject")
			.camundaInputParameter("timeout", "PT1H")));
		return this.runtime.startProcessInstanceByKey(key);
	}

}
