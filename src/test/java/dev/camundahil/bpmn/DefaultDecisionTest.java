package dev.camundahil.bpmn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code onTimeout = default} on real process instances and the real expiry sweep: at the deadline the action
 * completes with the task's default decision, answered by {@code timeout}, in either variables mode; a person who
 * answers first wins; a default decision that cannot be is refused at deployment, or when the task runs.
 */
@PostgresTest
class DefaultDecisionTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilExpiry")
	RecurringWork expiry;

	@Test
	void atTheDeadlineTheActionCompletesWithTheDefaultAnsweredByTimeout() {
		ProcessInstance instance = start(task("Ship order 7?").camundaInputParameter("defaultResponse", "reject"));
		ActionRequest action = actionOf(instance);
		assertThat(action.getArgs()).containsEntry("onTimeout", "default").containsEntry("defaultResponse", "Reject");

		reachDeadline(action);

		ActionRequest decided = this.actions.find(action.getId());
		assertThat(decided.getStatus()).isEqualTo(ActionStatus.COMPLETED);
		assertThat(decided.getResponse().value()).isEqualTo("Reject");
		assertThat(decided.getResponse().respondedBy()).isEqualTo("timeout");
		assertThat(decided.getResponse().channel()).isEqualTo("timeout");
		assertThat(this.actions.auditTrail(action.getId())).extracting(ActionAudit::getEvent)
			.containsExactly(AuditEvents.CREATED, AuditEvents.DISPATCHED, AuditEvents.DEFAULTED);
		assertThat(this.actions.auditTrail(action.getId()).get(2).getData()).containsEntry("value", "Reject");
		assertThat(this.runtime.getActiveActivityIds(instance.getId())).containsExactly("after");
		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilStatus", "completed")
			.containsEntry("hilResponse", "Reject")
			.containsEntry("hilRespondedBy", "timeout")
			.containsEntry("hilDefaulted", true);
	}

	@Test
	void aPersonWhoAnswersBeforeTheDeadlineWins() {
		ProcessInstance instance = start(task("Ship order 8?").camundaInputParameter("defaultResponse", "Reject"));
		ActionRequest action = actionOf(instance);

		this.actions.respond(action.getId(), ResponseCommand.of("Approve", "ann"));

		assertThat(this.runtime.getVariables(instance.getId())).containsEntry("hilResponse", "Approve")
			.containsEntry("hilRespondedBy", "ann")
			.containsEntry("hilDefaulted", false);
		this.jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' WHERE id = ?",
				action.getId());
		this.expiry.sweep();
		assertThat(this.actions.find(action.getId()).getResponse().value()).isEqualTo("Approve");
	}

	@Test
	void inLeanModeTheResultSaysItWasDefaulted() {
		ProcessInstance instance = start(task("Ship order 9?").camundaInputParameter("defaultResponse", "Approve")
			.camundaInputParameter("variables", "lean"));
		ActionRequest action = actionOf(instance);

		reachDeadline(action);

		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) this.runtime.getVariable(instance.getId(), "hil");
		assertThat(result).containsEntry("status", "completed")
			.containsEntry("response", "Approve")
			.containsEntry("respondedBy", "timeout")
			.containsEntry("defaulted", true);
		assertThat(this.runtime.getVariables(instance.getId())).doesNotContainKey("hilDefaulted");
	}

	@Test
	void anExpressionGivesTheDefaultWhenTheTaskRuns() {
		ProcessInstance instance = start(task("Ship order 10?").camundaInputParameter("defaultResponse", "${fallback}"),
				Map.of("fallback", "APPROVE"));
		assertThat(actionOf(instance).getArgs()).containsEntry("defaultResponse", "Approve");

		String key = deploy(task("Ship order 11?").camundaInputParameter("defaultResponse", "${fallback}"));
		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(key, Map.of("fallback", "Maybe")))
			.hasMessageContaining("'defaultResponse' must be one of the options [Approve, Reject], not 'Maybe'");
	}

	@Test
	void aDefaultDecisionThatCannotBeFailsTheDeployment() {
		assertThatThrownBy(() -> deploy(task("Q?")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'onTimeout' = default needs the input parameter 'defaultResponse'");
		assertThatThrownBy(() -> deploy(task("Q?").camundaInputParameter("defaultResponse", "")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("needs the input parameter 'defaultResponse'");
		assertThatThrownBy(() -> deploy(task("Q?").camundaInputParameter("defaultResponse", "Maybe")))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'ask'")
			.hasMessageContaining("'defaultResponse' must be one of the options [Approve, Reject], not 'Maybe'");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(key("defaultError"), "Q?", "chat")
			.camundaInputParameter("onTimeout", "error")
			.camundaInputParameter("defaultResponse", "Reject"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'defaultResponse' only applies with 'onTimeout' = default, not error");
		assertThatThrownBy(() -> deploy(waitingAfter(hilTask(key("defaultUnknown"), "Q?", "chat")
			.camundaInputParameter("onTimeout", "later"))))
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("'continue', 'error' or 'default'");
		// without options any default answer will do
		deploy(waitingAfter(hilTask(key("defaultFree"), "Q?", "chat").camundaInputParameter("onTimeout", "default")
			.camundaInputParameter("defaultResponse", "no answer")));
	}

	private ServiceTaskBuilder task(String question) {
		return hilTask(key("default"), question, "chat").camundaInputParameter("expectedResponse", "Approve, Reject")
			.camundaInputParameter("timeout", "PT1H")
			.camundaInputParameter("onTimeout", "default");
	}

	private ProcessInstance start(ServiceTaskBuilder task) {
		return start(task, Map.of());
	}

	private ProcessInstance start(ServiceTaskBuilder task, Map<String, Object> variables) {
		return this.runtime.startProcessInstanceByKey(deploy(task), variables);
	}

	private String deploy(ServiceTaskBuilder task) {
		return deploy(waitingAfter(task));
	}

	private String deploy(BpmnModelInstance model) {
		return HilProcesses.deploy(this.repository, model);
	}

	private ActionRequest actionOf(ProcessInstance instance) {
		List<ActionRequest> found = this.actions.findByProcessInstanceId(instance.getId());
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	/** The sweep compares deadlines with the clock: the deadline is moved to now, as if the time had passed. */
	private void reachDeadline(ActionRequest action) {
		this.jdbc.update("UPDATE action_request SET expires_at = now() - interval '1 second' WHERE id = ?",
				action.getId());
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.expiry.sweep();
			return !this.actions.find(action.getId()).isPending();
		});
	}

}
