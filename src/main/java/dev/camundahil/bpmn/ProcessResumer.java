package dev.camundahil.bpmn;

import dev.camundahil.action.ActionEvent;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * Resumes the waiting execution when its action ends, inside the transaction that ended it, so that the action and
 * the process move on together or not at all.
 */
class ProcessResumer {

	private static final Logger log = LoggerFactory.getLogger(ProcessResumer.class);

	private final ObjectProvider<ProcessEngine> engine;

	ProcessResumer(ObjectProvider<ProcessEngine> engine) {
		this.engine = engine;
	}

	@EventListener
	void on(ActionEvent event) {
		String executionId = event.action().executionId();
		if (!event.closesAction() || event.engineInitiated() || executionId == null) {
			return;
		}
		HilOutcome outcome = HilOutcome.of(event.action());
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine.getObject()
			.getProcessEngineConfiguration();
		configuration.getCommandExecutorTxRequired().execute((context) -> {
			ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
			if (execution == null) {
				log.warn("Action {} ended ({}) but its execution {} no longer exists; nothing to resume",
						outcome.actionId(), outcome.status().value(), executionId);
				return null;
			}
			return new SignalCmd(executionId, null, outcome, null).execute(context);
		});
	}

}
