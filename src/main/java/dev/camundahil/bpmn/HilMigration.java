package dev.camundahil.bpmn;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.migration.instance.MigratingActivityInstance;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.camunda.bpm.engine.impl.migration.validation.activity.MigrationActivityValidator;
import org.camunda.bpm.engine.impl.migration.validation.activity.SupportedActivityValidator;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingActivityInstanceValidationReportImpl;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingActivityInstanceValidator;
import org.camunda.bpm.engine.impl.migration.validation.instance.SupportedActivityInstanceValidator;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * Lets the engine migrate process instances that wait in a HIL task to another version of their process. The engine
 * migrates an activity instance only at the kinds of activity it knows to wait (user tasks, receive tasks, …), and a
 * HIL task is a service task to it: an instance waiting for an answer could not move at all. A HIL task mapped to a
 * HIL task now migrates as a receive task does: its execution moves to the new version, the action stays pending,
 * and the answer resumes the migrated instance. Mapped to anything else, it still cannot migrate.
 */
final class HilMigration {

	private HilMigration() {
	}

	/** Puts HIL tasks beside the activities the engine migrates; run once the engine's migration is set up. */
	static void allow(ProcessEngineConfigurationImpl configuration) {
		// the generator of instructions (mapEqualActivities) leaves out activities it cannot migrate
		List<MigrationActivityValidator> activities = new ArrayList<>();
		if (configuration.getCustomPreMigrationActivityValidators() != null) {
			activities.addAll(configuration.getCustomPreMigrationActivityValidators());
		}
		configuration.getDefaultMigrationActivityValidators()
			.forEach((validator) -> activities.add(
					(validator instanceof SupportedActivityValidator) ? new OrHilTask(validator) : validator));
		if (configuration.getCustomPostMigrationActivityValidators() != null) {
			activities.addAll(configuration.getCustomPostMigrationActivityValidators());
		}
		configuration.setMigrationInstructionGenerator(
				configuration.getMigrationInstructionGenerator().migrationActivityValidators(activities));
		// the validation of the instances to migrate refuses an activity instance of a kind it does not know
		configuration.getMigratingActivityInstanceValidators()
			.replaceAll((validator) -> (validator instanceof SupportedActivityInstanceValidator)
					? new HilTaskInstances(validator) : validator);
	}

	private static boolean isHilTask(ScopeImpl scope) {
		return scope instanceof ActivityImpl activity && HilTaskParseListener.isHilTask(activity);
	}

	/** A HIL task may take part in an instruction, beside what the engine's own validator accepts. */
	private record OrHilTask(MigrationActivityValidator engine) implements MigrationActivityValidator {

		@Override
		public boolean valid(ActivityImpl activity) {
			return this.engine.valid(activity) || isHilTask(activity);
		}

	}

	/** An instance waiting in a HIL task migrates to a HIL task; any other is validated as the engine does. */
	private record HilTaskInstances(MigratingActivityInstanceValidator engine)
			implements MigratingActivityInstanceValidator {

		@Override
		public void validate(MigratingActivityInstance instance, MigratingProcessInstance processInstance,
				MigratingActivityInstanceValidationReportImpl report) {
			if (!isHilTask(instance.getSourceScope())) {
				this.engine.validate(instance, processInstance, report);
			}
			else if (!isHilTask(instance.getTargetScope())) {
				report.addFailure("A HIL task waiting for an answer migrates only to a HIL task");
			}
		}

	}

}
