package dev.camundahil.schedule;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of a {@link RecurringWork}: runs the work named in its job data on this node's
 * {@link RecurringWorkRunner}. As it is, runs on several nodes may overlap (each node still runs the work once at a
 * time), for work that {@linkplain RecurringWork#sharesBacklog() shares its backlog}; {@link RecurringWorkJob} is the
 * same job for work that runs on one node at a time.
 */
public class SharedRecurringWorkJob extends QuartzJobBean {

	static final String WORK_NAME = "hilWork";

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
