package dev.camundahil.bpmn;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;

/**
 * Adds the HIL task parse listener, the serializers of the plugin's JSON variables ({@code hilState}, the result,
 * answers that are maps or lists) and the handler of {@code hil-resume} jobs to the process engine, and lets it
 * migrate instances that wait in a HIL task.
 */
public class HilEnginePlugin extends AbstractProcessEnginePlugin {

	private final BpmnParseListener parseListener;

	private final JobHandler<?> resumeJobHandler;

	HilEnginePlugin(BpmnParseListener parseListener, JobHandler<?> resumeJobHandler) {
		this.parseListener = parseListener;
		this.resumeJobHandler = resumeJobHandler;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(this.parseListener);
		if (configuration.getCustomPreVariableSerializers() == null) {
			configuration.setCustomPreVariableSerializers(new ArrayList<>());
		}
		// first: where several serializers can take a value, the engine picks the first of the default format, or
		// else the first of all
		configuration.getCustomPreVariableSerializers().add(0, HilValueSerializer.forState());
		configuration.getCustomPreVariableSerializers().add(1, HilValueSerializer.forResult());
		configuration.getCustomPreVariableSerializers().add(2, HilValueSerializer.forJson());
		configuration.getCustomPreVariableSerializers().add(3, HilValueSerializer.forText());
		if (configuration.getCustomJobHandlers() == null) {
			configuration.setCustomJobHandlers(new ArrayList<>());
		}
		configuration.getCustomJobHandlers().add(this.resumeJobHandler);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		HilMigration.allow(configuration);
	}

}
