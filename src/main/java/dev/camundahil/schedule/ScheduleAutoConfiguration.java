package dev.camundahil.schedule;

import java.util.List;

import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs every {@link RecurringWork} bean in the application's Quartz scheduler, once Spring Boot has set that up.
 */
@AutoConfiguration(after = QuartzAutoConfiguration.class)
@ConditionalOnBean(Scheduler.class)
public class ScheduleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecurringWorkScheduler hilRecurringWorkScheduler(Scheduler scheduler, List<RecurringWork> works) {
		return new RecurringWorkScheduler(scheduler, works);
	}

	@Bean
	@ConditionalOnMissingBean
	RecurringWorkRunner hilRecurringWorkRunner(List<RecurringWork> works) {
		return new RecurringWorkRunner(works);
	}

}
