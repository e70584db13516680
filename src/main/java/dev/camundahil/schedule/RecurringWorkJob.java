package dev.camundahil.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of a {@link RecurringWork} that runs on one node at a time in the whole cluster: runs the work
 * named in its job data.
 */
@DisallowConcurrentExecution
public class RecurringWorkJob extends QuartzJobBean {

	static final String WORK_NAME = "hilWork";

	private final RecurringWorkRunner runner;

	private String hilWork;

	/** Created by Spring's job factory, which autowires the constructor. */
	RecurringWorkJob(RecurringWorkRunner runner) {
		this.runner = runner;
	}

	public void setHilWork(String hilWork) {
		this.hilWork = hilWork;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.runner.run(this.hilWork);
	}

}
