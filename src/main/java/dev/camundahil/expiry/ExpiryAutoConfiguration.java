package dev.camundahil.expiry;

import dev.camundahil.action.ActionAutoConfiguration;
import dev.camundahil.action.ActionService;
import dev.camundahil.bpmn.BpmnAutoConfiguration;
import dev.camundahil.bpmn.ResumptionBatch;
import dev.camundahil.schedule.RecurringWork;

import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expiry of overdue actions, as recurring work in the application's Quartz scheduler; on unless
 * {@code hil.expiry.enabled} is false.
 */
@AutoConfiguration(after = { QuartzAutoConfiguration.class, ActionAutoConfiguration.class,
		BpmnAutoConfiguration.class })
@ConditionalOnBean(Scheduler.class)
@ConditionalOnProperty(prefix = ExpiryProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ExpiryProperties.class)
public class ExpiryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hilExpiry")
	RecurringWork hilExpiry(ActionService actions, PlatformTransactionManager transactionManager,
			ExpiryProperties properties, ObjectProvider<ResumptionBatch> resumptions) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		ResumptionBatch resumption = resumptions.getIfAvailable();
		return new ExpiredActionSweeper(actions, ownTransaction, (resumption != null) ? resumption::run : Runnable::run,
				properties);
	}

}
