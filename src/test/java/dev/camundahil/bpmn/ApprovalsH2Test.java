package dev.camundahil.bpmn;

import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.AlreadyVotedException;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.H2Test;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several approvers and escalation on H2, the standalone app's default database: votes kept once per person, an
 * escalation level that adds an approver, and the decision in the process; a malformed escalation fails deployment.
 */
@H2Test
class ApprovalsH2Test {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilEscalation")
	RecurringWork escalation;

	@Test
	void anEscalatedApproverVotesAndTheLastApprovalDecides() {
		String key = HilProcesses.deploy(this.repository, waitingAfter(hilTask(key("approvalsH2"), "Q?", "chat")
			.camundaInputParameter("expectedResponse", "Approve, Reject")
			.camundaInputParameter("approval", "all")
			.camundaInputParameter("approvers", "ann, bob")
			.camundaInputParameter("escalation", "PT4H: carol@h2.example")));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(key);
		ActionRequest action = this.actions.findByProcessInstanceId(instance.getId()).get(0);

		this.actions.respond(action.getId(), ResponseCommand.of("Approve", "ann"));
		assertThatThrownBy(() -> this.actions.respond(action.getId(), ResponseCommand.of("Reject", "ANN")))
			.isInstanceOf(AlreadyVotedException.class);
		this.jdbc.update("UPDATE action_escalation SET due_at = DATEADD('SECOND', -1, CURRENT_TIMESTAMP) "
				+ "WHERE action_id = ?", action.getId());
		assertThat(this.escalation.sweep()).isOne();
		assertThat(this.escalation.sweep()).isZero();
		this.actions.respond(action.getId(), ResponseCommand.of("Approve", "bob"));
		assertThat(this.actions.find(action.getId()).getStatus()).as("carol has a vote now")
			.isEqualTo(ActionStatus.PENDING);
		this.actions.respond(action.getId(), ResponseCommand.of("approve", "carol@h2.example"));

		Map<String, Object> variables = this.runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("hilResponse", "Approve")
			.containsEntry("hilDecided", true)
			.containsEntry("hilRespondedBy", "carol@h2.example");
		assertThat(this.actions.find(action.getId()).getVotes()).extracting((vote) -> vote.by())
			.containsExactly("ann", "bob", "carol@h2.example");
		assertThat(this.jdbc.queryForList("SELECT event FROM action_audit WHERE action_id = ? ORDER BY timestamp",
				String.class, action.getId())).containsSubsequence("voted", "escalated", "voted", "voted", "completed");
	}

	@Test
	void aMalformedEscalationFailsTheDeployment() {
		for (String bad : List.of("PT4H lead@example.com", "soon: lead@example.com", "PT0S: lead@example.com",
				"PT4H: nobody")) {
			assertThatThrownBy(() -> HilProcesses.deploy(this.repository, waitingAfter(
					hilTask(key("escalationBad"), "Q?", "chat").camundaInputParameter("escalation", bad))))
				.isInstanceOf(ParseException.class)
				.hasMessageContaining("'escalation' must be levels such as");
		}
	}

}
