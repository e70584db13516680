package dev.camundahil.bpmn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ProcessResumeException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * Resumes the waiting execution when its action ends, inside the transaction that ended it, so that the action and
 * the process move on together or not at all. Actions ended {@linkplain #together together} resume together, in one
 * engine command. An answer recorded again after its process failed to resume ({@link ActionEvent#resumeLater()})
 * leaves a {@linkplain ResumeJobHandler job} that resumes the execution instead.
 */
class ProcessResumer {

	private static final Logger log = LoggerFactory.getLogger(ProcessResumer.class);

	private final ObjectProvider<ProcessEngine> engine;

	private final ActionService actions;

	/** The resumptions of the batch this thread is running, or null outside one. */
	private final ThreadLocal<List<Resumption>> batch = new ThreadLocal<>();

	ProcessResumer(ObjectProvider<ProcessEngine> engine, ActionService actions) {
		this.engine = engine;
		this.actions = actions;
	}

	@EventListener
	void on(ActionEvent event) {
		String executionId = event.action().executionId();
		if (!event.closesAction() || event.engineInitiated() || executionId == null) {
			return;
		}
		Resumption resumption = new Resumption(executionId, event.action().processInstanceId(),
				event.action().nodeId(), null, HilOutcome.of(event.action()));
		if (event.resumeLater()) {
			execute((context) -> resumeLater(context, resumption, this.actions));
			return;
		}
		List<Resumption> batched = this.batch.get();
		if (batched != null) {
			batched.add(resumption);
			return;
		}
		try {
			execute((context) -> resume(context, resumption, this.actions));
		}
		catch (RuntimeException ex) {
			throw new ProcessResumeException(resumption.outcome().actionId(), resumption.processInstanceId(), ex);
		}
	}

	/**
	 * Runs work that ends many actions, then resumes their instances in one engine command, which the engine writes
	 * in one flush of batched statements. Before that, the process instances and their {@code hilState} history rows
	 * are read with one query each: the engine finds them in its command's cache instead of reading them one by one.
	 */
	void together(Runnable work) {
		if (this.batch.get() != null) {
			work.run();
			return;
		}
		execute((context) -> {
			List<Resumption> resumptions = new ArrayList<>();
			this.batch.set(resumptions);
			try {
				work.run();
			}
			finally {
				this.batch.remove();
			}
			if (resumptions.size() > 1) {
				prefetch(context, resumptions);
			}
			resumptions.forEach((resumption) -> resume(context, resumption, this.actions));
			return null;
		});
	}

	private static void prefetch(CommandContext context, List<Resumption> resumptions) {
		Set<String> instances = resumptions.stream()
			.map(Resumption::processInstanceId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (instances.isEmpty()) {
			return;
		}
		ProcessInstanceQueryImpl processInstances = new ProcessInstanceQueryImpl();
		processInstances.processInstanceIds(instances);
		processInstances.executeList(context, null);
		HistoricVariableInstanceQueryImpl states = new HistoricVariableInstanceQueryImpl();
		states.processInstanceIdIn(instances.toArray(String[]::new))
			.variableName(HilVariables.STATE)
			.disableBinaryFetching()
			.disableCustomObjectDeserialization();
		states.executeList(context, null);
	}

	static Object resume(CommandContext context, Resumption resumption, ActionService actions) {
		ExecutionEntity execution = waitingExecution(context, resumption, actions);
		if (execution == null) {
			return null;
		}
		return new SignalCmd(execution.getId(), null, resumption.outcome(), null).execute(context);
	}

	private static Object resumeLater(CommandContext context, Resumption resumption, ActionService actions) {
		ExecutionEntity execution = waitingExecution(context, resumption, actions);
		if (execution != null) {
			ResumeJobHandler.schedule(context, execution, resumption.outcome().actionId());
			log.info("Action {}: process instance {} resumes from a job", resumption.outcome().actionId(),
					resumption.processInstanceId());
		}
		return null;
	}

	private static ExecutionEntity waitingExecution(CommandContext context, Resumption resumption,
			ActionService actions) {
		ExecutionEntity execution = WaitingExecution.of(context, actions, resumption.outcome().actionId(),
				resumption.executionId(), resumption.processInstanceId(), resumption.nodeId(),
				resumption.activityInstanceId());
		if (execution == null) {
			log.warn("Action {} ended ({}) but no execution waits in its task '{}' any more (it waited in execution "
					+ "{}); nothing to resume", resumption.outcome().actionId(), resumption.outcome().status().value(),
					resumption.nodeId(), resumption.executionId());
		}
		return execution;
	}

	private <T> T execute(Command<T> command) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine.getObject()
			.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired().execute(command);
	}

	/**
	 * An execution to resume: the one the action names, its process instance, the task and (when known, else null)
	 * the activity instance it waits in.
	 */
	record Resumption(String executionId, String processInstanceId, String nodeId, String activityInstanceId,
			HilOutcome outcome) {
	}

}
