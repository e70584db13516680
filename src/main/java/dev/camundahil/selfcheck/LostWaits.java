package dev.camundahil.selfcheck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.schedule.RecurringWork;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds waits that lost their other half, as the recurring work {@code lost-waits}: a pending action whose process
 * execution no longer exists is cancelled (audited {@code orphaned}), so nothing waits on it; a HIL task execution
 * that waits with no pending action gets an incident of type {@value #INCIDENT_TYPE}, so Cockpit shows it and an
 * operator can act. An incident whose execution has a pending action again is resolved. Executions with a job to
 * run (a resume after an answer, say) are left alone: they move on by themselves. A task the engine handed to
 * another execution (it does so when parallel paths beside a task that is no scope of its own end or begin) is no
 * lost wait: its action follows it to that execution, found by the task's activity instance.
 */
public final class LostWaits implements RecurringWork {

	/** The Camunda incident type of a HIL execution that waits with no pending action. */
	public static final String INCIDENT_TYPE = "hilMissingAction";

	private static final String DELEGATE_EXPRESSION = "${hilTask}";

	/** Read by namespace, since the model API's getter for it is named after the engine. */
	private static final List<String> EXTENSION_NAMESPACES = List.of("http://camunda.org/schema/1.0/bpmn",
			"http://activiti.org/bpmn", "http://operaton.org/schema/1.0/bpmn");

	private static final Logger log = LoggerFactory.getLogger(LostWaits.class);

	private final ActionService actions;

	private final ProcessEngine engine;

	private final TransactionTemplate transaction;

	private final SelfCheckProperties.Waits settings;

	/** The HIL task activities of each process definition, which never change once deployed. */
	private final Map<String, List<String>> hilTasks = new ConcurrentHashMap<>();

	private volatile Report last;

	LostWaits(ActionService actions, ProcessEngine engine, TransactionTemplate transaction,
			SelfCheckProperties.Waits settings) {
		this.actions = actions;
		this.engine = engine;
		this.transaction = transaction;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "lost-waits";
	}

	@Override
	public Duration interval() {
		return this.settings.getInterval();
	}

	@Override
	public int batchSize() {
		return this.settings.getBatchSize();
	}

	/** Checks every wait once, batch by batch; returns 0, so that the next check waits for the next interval. */
	@Override
	public int sweep() {
		check();
		return 0;
	}

	/** The outcome of the last check on this node; null before the first. */
	public Report last() {
		return this.last;
	}

	/** Checks every wait now. */
	public Report check() {
		int orphaned = cancelOrphans();
		MissingActions missing = raiseIncidents();
		Report report = new Report(Instant.now(), orphaned, missing.raised(), missing.resolved(), missing.open());
		this.last = report;
		if (orphaned > 0 || missing.raised() > 0) {
			log.warn("Waits that lost their other half: {} pending action(s) whose execution no longer exists were "
					+ "cancelled; {} HIL execution(s) wait with no pending action and got a '{}' incident",
					orphaned, missing.raised(), INCIDENT_TYPE);
		}
		return report;
	}

	private int cancelOrphans() {
		Instant createdBefore = Instant.now().minus(this.settings.getGrace());
		int cancelled = 0;
		UUID after = null;
		List<ActionRequest> batch;
		do {
			batch = this.actions.pendingOfProcesses(createdBefore, after, this.settings.getBatchSize());
			if (batch.isEmpty()) {
				break;
			}
			after = batch.get(batch.size() - 1).getId();
			Set<String> existing = existingExecutions(batch.stream().map(ActionRequest::getExecutionId).toList());
			for (ActionRequest action : batch) {
				if (!existing.contains(action.getExecutionId()) && !followedItsTask(action) && cancelOrphan(action)) {
					cancelled++;
				}
			}
		}
		while (batch.size() >= this.settings.getBatchSize());
		return cancelled;
	}

	/** Points the action at the execution its task's activity instance moved to, if the instance still has one. */
	private boolean followedItsTask(ActionRequest action) {
		if (action.getActivityInstanceId() == null) {
			return false;
		}
		ActivityInstance task = find(activityInstances(action.getProcessInstanceId()),
				(instance) -> instance.getId().equals(action.getActivityInstanceId()));
		if (task == null || task.getExecutionIds().length == 0) {
			return false;
		}
		follow(action, task.getExecutionIds()[0]);
		return true;
	}

	/** Whether the execution holds a task whose pending action named another execution, and now names this one. */
	private boolean tookOverATask(Execution execution, String activityId) {
		ActivityInstance task = find(activityInstances(execution.getProcessInstanceId()),
				(instance) -> instance.getActivityId().equals(activityId)
						&& List.of(instance.getExecutionIds()).contains(execution.getId()));
		if (task == null) {
			return false;
		}
		return this.actions.findPendingOfActivityInstance(task.getId()).map((action) -> {
			follow(action, execution.getId());
			return true;
		}).orElse(false);
	}

	private void follow(ActionRequest action, String executionId) {
		this.actions.moveToExecution(action.getId(), executionId);
		log.info("Action {}: its task moved from execution {} to {}; the action follows it", action.getId(),
				action.getExecutionId(), executionId);
	}

	private ActivityInstance activityInstances(String processInstanceId) {
		return this.engine.getRuntimeService().getActivityInstance(processInstanceId);
	}

	private static ActivityInstance find(ActivityInstance tree, Predicate<ActivityInstance> wanted) {
		if (tree == null) {
			return null;
		}
		if (wanted.test(tree)) {
			return tree;
		}
		for (ActivityInstance child : tree.getChildActivityInstances()) {
			ActivityInstance found = find(child, wanted);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private boolean cancelOrphan(ActionRequest action) {
		try {
			boolean cancelled = Boolean.TRUE.equals(this.transaction.execute(
					(status) -> this.actions.cancelOrphaned(action.getId()).isPresent()));
			if (cancelled) {
				log.info("Action {} waited on execution {} of process instance {}, which no longer exists; cancelled",
						action.getId(), action.getExecutionId(), action.getProcessInstanceId());
			}
			return cancelled;
		}
		catch (ActionConflictException ex) {
			// it ended meanwhile: nothing waits on it any more
			return false;
		}
	}

	private Set<String> existingExecutions(List<String> executionIds) {
		if (executionIds.isEmpty()) {
			return Set.of();
		}
		String table = this.engine.getManagementService().getTableName(Execution.class);
		StringBuilder sql = new StringBuilder("SELECT * FROM " + table + " WHERE ID_ IN (");
		Map<String, Object> parameters = new HashMap<>();
		for (int i = 0; i < executionIds.size(); i++) {
			sql.append((i > 0) ? ", " : "").append("#{e").append(i).append('}');
			parameters.put("e" + i, executionIds.get(i));
		}
		var query = this.engine.getRuntimeService().createNativeExecutionQuery().sql(sql.append(')').toString());
		parameters.forEach(query::parameter);
		Set<String> existing = new HashSet<>();
		query.list().forEach((execution) -> existing.add(execution.getId()));
		return existing;
	}

	private MissingActions raiseIncidents() {
		var runtime = this.engine.getRuntimeService();
		Map<String, Incident> open = new HashMap<>();
		runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).list()
			.forEach((incident) -> open.put(incident.getExecutionId(), incident));
		int raised = 0;
		int resolved = 0;
		for (ProcessDefinition definition : this.engine.getRepositoryService().createProcessDefinitionQuery().list()) {
			for (String activityId : hilTasks(definition)) {
				int first = 0;
				List<Execution> page;
				do {
					page = runtime.createExecutionQuery()
						.processDefinitionId(definition.getId())
						.activityId(activityId)
						.listPage(first, this.settings.getBatchSize());
					first += page.size();
					Set<String> withAction = this.actions
						.executionsWithPendingAction(page.stream().map(Execution::getId).toList());
					for (Execution execution : page) {
						Incident incident = open.remove(execution.getId());
						if (withAction.contains(execution.getId())) {
							if (incident != null) {
								runtime.resolveIncident(incident.getId());
								resolved++;
							}
						}
						else if (incident == null && !movesOnByItself(execution)
								&& !tookOverATask(execution, activityId)) {
							runtime.createIncident(INCIDENT_TYPE, execution.getId(), activityId,
									"HIL task '" + activityId + "' waits with no pending action: nobody can answer "
											+ "it. Cancel or modify the instance, or move it past the task.");
							log.warn("Execution {} of process instance {} waits in HIL task '{}' with no pending "
									+ "action; raised a '{}' incident", execution.getId(),
									execution.getProcessInstanceId(), activityId, INCIDENT_TYPE);
							raised++;
						}
					}
				}
				while (page.size() >= this.settings.getBatchSize());
			}
		}
		long stillOpen = runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).count();
		return new MissingActions(raised, resolved, stillOpen);
	}

	/** Whether a message job of the instance will move it on (a resume after an answer, an async step). */
	private boolean movesOnByItself(Execution execution) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.messages()
			.count() > 0;
	}

	private static String delegateExpression(ServiceTask task) {
		for (String namespace : EXTENSION_NAMESPACES) {
			String value = task.getAttributeValueNs(namespace, "delegateExpression");
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private List<String> hilTasks(ProcessDefinition definition) {
		return this.hilTasks.computeIfAbsent(definition.getId(), (id) -> {
			List<String> found = new ArrayList<>();
			for (ServiceTask task : this.engine.getRepositoryService()
				.getBpmnModelInstance(id)
				.getModelElementsByType(ServiceTask.class)) {
				String delegate = delegateExpression(task);
				if (delegate != null && DELEGATE_EXPRESSION.equals(delegate.replace(" ", ""))) {
					found.add(task.getId());
				}
			}
			return List.copyOf(found);
		});
	}

	/**
	 * What a check found.
	 *
	 * @param checkedAt when it ran
	 * @param orphansCancelled pending actions it cancelled because their execution no longer existed
	 * @param incidentsRaised HIL executions it found waiting with no pending action
	 * @param incidentsResolved incidents it resolved because their execution had a pending action again
	 * @param incidentsOpen {@value #INCIDENT_TYPE} incidents open after it
	 */
	public record Report(Instant checkedAt, int orphansCancelled, int incidentsRaised, int incidentsResolved,
			long incidentsOpen) {
	}

	private record MissingActions(int raised, int resolved, long open) {
	}

}
