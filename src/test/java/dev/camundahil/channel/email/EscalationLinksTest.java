package dev.camundahil.channel.email;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.schedule.RecurringWork;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation with a real SMTP server and links over HTTP: a due level adds its person, who gets the request once,
 * addressed to them and saying why it reaches them, with links of their own, and becomes an approver; the earlier recipient's links keep working; a level not yet due
 * waits.
 */
class EscalationLinksTest extends EmailTestSupport {

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
		assertThat(this.actions.recipients(action.getId())).extracting(ActionRecipient::isEscalated)
			.containsExactly(false, true);
		jakarta.mail.internet.MimeMessage toLead = inboxOf("lead@esc.example", action.getId()).get(0);
		assertThat(toLead.getHeader("To")).as("addressed to the lead alone").containsExactly("lead@esc.example");
		assertThat(body(toLead, "text/html")).contains("Nobody has answered this question since")
			.doesNotContain("passed this question on");
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

		HttpResponse<String> annPage = this.pages.get(ann.get("Approve"));
		assertThat(annPage.statusCode()).isEqualTo(200);
		assertThat(this.pages.confirm(annPage).statusCode()).isEqualTo(200);
		assertThat(this.actions.find(action.getId()).getStatus()).as("the lead has a vote too")
			.isEqualTo(ActionStatus.PENDING);
		HttpResponse<String> leadPage = this.pages.get(lead.get("Approve"));
		assertThat(this.pages.confirm(leadPage).statusCode()).isEqualTo(200);

		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "lead@esc.example");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_escalation WHERE action_id = ? "
				+ "AND done_at IS NULL", Integer.class, action.getId())).as("level 2, dropped with the action").isZero();
	}

}
