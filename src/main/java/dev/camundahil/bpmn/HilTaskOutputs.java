package dev.camundahil.bpmn;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * The output parameters of a HIL task that declares some: Camunda's own mapping, run only when the task resumes with
 * its outcome.
 * <p>
 * By default Camunda maps an activity's outputs also when it is cancelled (engine setting
 * {@code skipOutputMappingOnCanceledActivities}, off by default): by an interrupting boundary event or event
 * subprocess, or with its instance deleted. A HIL task left that way has no outcome, so {@code ${hilResponse}} does
 * not exist and the mapping would fail the cancellation. Its outputs are mapped when it resumes — answered, expired
 * or cancelled over the API, also when expiry throws {@code HIL_EXPIRED}, whose error boundary event cancels the task
 * after the outcome is written — and skipped when it is left without one.
 */
final class HilTaskOutputs extends IoMapping {

	/**
	 * Executions that resumed with their outcome and are being cancelled by the error they threw. Weak: the engine's
	 * execution objects live for one command.
	 */
	private final Set<PvmExecutionImpl> resumed = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private HilTaskOutputs(IoMapping mapping) {
		setInputParameters(mapping.getInputParameters());
		setOuputParameters(mapping.getOutputParameters());
	}

	/** Puts a deployed HIL task's output parameters under this mapping, when it has any. */
	static void takeOver(ActivityImpl activity) {
		IoMapping mapping = activity.getIoMapping();
		if (mapping != null && mapping.getOutputParameters() != null && !mapping.getOutputParameters().isEmpty()) {
			activity.setIoMapping(new HilTaskOutputs(mapping));
		}
	}

	/** The task wrote its outcome and leaves by a BPMN error, which cancels it: its outputs are mapped all the same. */
	static void resumedBeforeError(ActivityExecution execution) {
		PvmActivity activity = execution.getActivity();
		if (activity instanceof ActivityImpl task && task.getIoMapping() instanceof HilTaskOutputs outputs
				&& execution instanceof PvmExecutionImpl resuming) {
			outputs.resumed.add(resuming);
		}
	}

	@Override
	public void executeOutputParameters(AbstractVariableScope scope) {
		if (scope instanceof PvmExecutionImpl execution && execution.isCanceled() && !this.resumed.remove(execution)) {
			return; // left without an outcome: nothing to map
		}
		super.executeOutputParameters(scope);
	}

}
