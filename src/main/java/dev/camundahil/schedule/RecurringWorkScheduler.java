package dev.camundahil.schedule;

import java.util.List;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers one Quartz job and trigger per {@link RecurringWork} bean in the {@code hil} job group, replacing what
 * an earlier start registered, so that a changed interval takes effect on restart.
 */
class RecurringWorkScheduler implements SmartInitializingSingleton {

	static final String GROUP = "hil";

	private static final Logger log = LoggerFactory.getLogger(RecurringWorkScheduler.class);

	private final Scheduler scheduler;

	private final List<RecurringWork> works;

	RecurringWorkScheduler(Scheduler scheduler, List<RecurringWork> works) {
		this.scheduler = scheduler;
		this.works = works;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (RecurringWork work : this.works) {
			try {
				schedule(work);
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("Cannot schedule the HIL job '" + work.name() + "'", ex);
			}
		}
	}

	private void schedule(RecurringWork work) throws SchedulerException {
		JobDetail job = JobBuilder.newJob(work.sharesBacklog() ? SharedRecurringWorkJob.class : RecurringWorkJob.class)
			.withIdentity(JobKey.jobKey(work.name(), GROUP))
			.usingJobData(SharedRecurringWorkJob.WORK_NAME, work.name())
			.storeDurably()
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(work.name(), GROUP))
			.forJob(job)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(work.interval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.startNow()
			.build();
		this.scheduler.scheduleJob(job, Set.of(trigger), true);
		log.info("Scheduled HIL job '{}' every {} (batch size {}{})", work.name(), work.interval(), work.batchSize(),
				work.sharesBacklog() ? ", nodes share the backlog" : "");
	}

}
