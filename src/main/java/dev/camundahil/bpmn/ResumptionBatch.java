package dev.camundahil.bpmn;

/**
 * Runs work that ends many actions so that their waiting process instances resume as one engine command. Each
 * resumption then joins that command instead of opening its own, and the engine writes all of them in one flush, as
 * batched statements, rather than a flush per instance. For sweeps that end a batch of actions in one transaction;
 * when the work fails, all of it is rolled back together.
 */
public class ResumptionBatch {

	private final ProcessResumer resumer;

	ResumptionBatch(ProcessResumer resumer) {
		this.resumer = resumer;
	}

	public void run(Runnable work) {
		this.resumer.together(work);
	}

}
