package dev.camundahil.bpmn;

import dev.camundahil.action.ActionProperties;
import dev.camundahil.action.ActionService;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The HIL task: its behaviour bean ({@code hilTask}), the engine plugin that validates it at deployment, and the
 * listener that resumes waiting executions (or leaves a job that does).
 */
@Configuration(proxyBeanMethods = false)
class BpmnConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hilTask")
	ActivityBehavior hilTask(ActionService actions, ActionProperties properties,
			ProcessVariablesProperties variables) {
		return new HilTaskBehavior(actions, properties.getDefaultTimeout(), variables.getVariables());
	}

	@Bean(name = "hilState")
	@ConditionalOnMissingBean(name = "hilState")
	WaitingStateBean hilState(@Lazy ActionService actions) {
		return new WaitingStateBean(actions);
	}

	@Bean
	@ConditionalOnMissingBean
	HilEnginePlugin hilEnginePlugin(@Lazy ActionService actions, ObjectProvider<HilTaskCheck> checks) {
		LeftTaskListener leftTaskListener = new LeftTaskListener(actions);
		return new HilEnginePlugin(
				new HilTaskParseListener(leftTaskListener, () -> checks.orderedStream().toList()),
				new ResumeJobHandler(actions));
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessResumer hilProcessResumer(ObjectProvider<ProcessEngine> engine, @Lazy ActionService actions) {
		return new ProcessResumer(engine, actions);
	}

	@Bean
	@ConditionalOnMissingBean
	ResumptionBatch hilResumptionBatch(ProcessResumer resumer) {
		return new ResumptionBatch(resumer);
	}

}
