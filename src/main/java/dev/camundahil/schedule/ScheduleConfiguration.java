package dev.camundahil.schedule;

import java.util.List;

import dev.camundahil.action.ActionService;
import dev.camundahil.bpmn.ResumptionBatch;
import dev.camundahil.config.HilProperties;

import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link RecurringWork} bean in the application's Quartz scheduler, and declares the expiry of overdue
 * actions as one of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(Scheduler.class)
public class ScheduleConfiguration {

	@Bean
	RecurringWorkScheduler hilRecurringWorkScheduler(Scheduler scheduler, List<RecurringWork> works) {
		return new RecurringWorkScheduler(scheduler, works);
	}

	@Bean
	RecurringWorkRunner hilRecurringWorkRunner(List<RecurringWork> works) {
		return new RecurringWorkRunner(works);
	}

	@Bean
	@ConditionalOnMissingBean(name = "hilExpiry")
	@ConditionalOnProperty(prefix = "hil.expiry", name = "enabled", matchIfMissing = true)
	RecurringWork hilExpiry(ActionService actions, PlatformTransactionManager transactionManager,
			HilProperties properties, ObjectProvider<ResumptionBatch> resumptions) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		ResumptionBatch resumption = resumptions.getIfAvailable();
		return new ExpiredActionSweeper(actions, ownTransaction, (resumption != null) ? resumption::run : Runnable::run,
				properties.getExpiry());
	}

}
