package dev.camundahil.bpmn;

import java.util.UUID;

import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionView;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs of type {@value #TYPE}: resume an execution whose action was answered while resuming it failed. The job
 * executor signals the execution with the action's outcome, as the answer would have; if the process still fails,
 * the engine retries the job and then raises an incident on the execution, which an operator retries once the
 * process is mended.
 */
class ResumeJobHandler implements JobHandler<ResumeJobHandler.Target> {

	static final String TYPE = "hil-resume";

	private static final Logger log = LoggerFactory.getLogger(ResumeJobHandler.class);

	private final ActionService actions;

	ResumeJobHandler(ActionService actions) {
		this.actions = actions;
	}

	/** Leaves a job that resumes the execution with the outcome of the action, sent after the command commits. */
	static void schedule(CommandContext context, ExecutionEntity execution, UUID actionId) {
		MessageEntity job = new MessageEntity();
		job.setJobHandlerType(TYPE);
		job.setJobHandlerConfiguration(new Target(actionId));
		job.setExecution(execution);
		job.setProcessDefinitionId(execution.getProcessDefinitionId());
		job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
		job.setTenantId(execution.getTenantId());
		context.getJobManager().send(job);
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(Target target, ExecutionEntity execution, CommandContext context, String tenantId) {
		ActionRequest action = this.actions.find(target.actionId());
		if (action.isPending()) {
			log.warn("Execution {} no longer waits for action {} ({}); nothing to resume", execution.getId(),
					action.getId(), action.getStatus().value());
			return;
		}
		// when the instance was moved on some other way meanwhile (a modification, a direct signal), no execution
		// waits in the task any more, and nothing is resumed
		ProcessResumer.resume(context, new ProcessResumer.Resumption(execution.getId(),
				execution.getProcessInstanceId(), action.getNodeId(), action.getActivityInstanceId(),
				HilOutcome.of(ActionView.of(action))),
				this.actions);
	}

	@Override
	public Target newConfiguration(String canonicalString) {
		return new Target(UUID.fromString(canonicalString));
	}

	@Override
	public void onDelete(Target configuration, JobEntity jobEntity) {
		// nothing of its own to clean up
	}

	/** The action whose outcome the job resumes the execution with. */
	record Target(UUID actionId) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return this.actionId.toString();
		}

	}

}
