package dev.camundahil.schedule;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of a {@link RecurringWork} that {@linkplain RecurringWork#sharesBacklog() shares its backlog}:
 * runs on several nodes may overlap (each node still runs it once at a time).
 */
public class SharedRecurringWorkJob extends QuartzJobBean {

	private final RecurringWorkRunner runner;

	private String hilWork;

	/** Created by Spring's job factory, which autowires the constructor. */
	SharedRecurringWorkJob(RecurringWorkRunner runner) {
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
