package dev.camundahil.schedule;

import java.time.Duration;
import java.util.List;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The one Quartz job class: runs the {@link RecurringWork} bean named in its job data until the backlog is drained
 * or its time is up.
 */
@DisallowConcurrentExecution
public class RecurringWorkJob extends QuartzJobBean {

	static final String WORK_NAME = "hilWork";

	private static final Logger log = LoggerFactory.getLogger(RecurringWorkJob.class);

	private final List<RecurringWork> works;

	private String hilWork;

	/** Created by Spring's job factory, which autowires the constructor. */
	public RecurringWorkJob(List<RecurringWork> works) {
		this.works = works;
	}

	public void setHilWork(String hilWork) {
		this.hilWork = hilWork;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		RecurringWork work = this.works.stream()
			.filter((candidate) -> candidate.name().equals(this.hilWork))
			.findFirst()
			.orElse(null);
		if (work == null) {
			log.warn("No recurring work named '{}' in this application; its Quartz job does nothing here", this.hilWork);
			return;
		}
		long deadline = System.nanoTime() + work.maxRunTime().toNanos();
		int handled;
		int total = 0;
		do {
			handled = work.sweep();
			total += handled;
		}
		while (handled >= work.batchSize() && System.nanoTime() < deadline);
		if (total > 0) {
			log.debug("{} handled {} row(s) in {}", work.name(), total,
					Duration.ofNanos(System.nanoTime() - deadline + work.maxRunTime().toNanos()));
		}
	}

}
