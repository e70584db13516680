package dev.camundahil.schedule;

import java.util.List;

import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs every {@link RecurringWork} bean in the application's Quartz scheduler.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(Scheduler.class)
public class ScheduleConfiguration {

	@Bean
	RecurringWorkScheduler hilRecurringWorkScheduler(Scheduler scheduler, List<RecurringWork> works) {
		return new RecurringWorkScheduler(scheduler, works);
	}

}
