package dev.camundahil.bpmn;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs work that resumes many waiting process instances as one engine command. Each resumption then joins that
 * command instead of opening its own, and the engine writes all of them in one flush, as batched statements, rather
 * than a flush per instance. For sweeps that end a batch of actions in one transaction; when the work fails, all of
 * it is rolled back together.
 */
public class ResumptionBatch {

	private final ObjectProvider<ProcessEngine> engine;

	ResumptionBatch(ObjectProvider<ProcessEngine> engine) {
		this.engine = engine;
	}

	public void run(Runnable work) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine.getObject()
			.getProcessEngineConfiguration();
		configuration.getCommandExecutorTxRequired().execute((context) -> {
			work.run();
			return null;
		});
	}

}
