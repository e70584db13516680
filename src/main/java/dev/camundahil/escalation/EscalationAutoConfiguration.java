package dev.camundahil.escalation;

import dev.camundahil.action.ActionAutoConfiguration;
import dev.camundahil.action.ActionService;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.schema.HilDatabase;

import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation of pending actions: its schedule, written as actions open, and the recurring sweep that carries
 * out due levels in the application's Quartz scheduler.
 */
@AutoConfiguration(after = { QuartzAutoConfiguration.class, ActionAutoConfiguration.class })
@ConditionalOnBean(ActionService.class)
@EnableConfigurationProperties(EscalationProperties.class)
public class EscalationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EscalationSchedule hilEscalationSchedule(JdbcTemplate jdbc, HilDatabase database) {
		return new EscalationSchedule(jdbc, database.isPostgres());
	}

	@Bean
	@ConditionalOnMissingBean(name = "hilEscalation")
	@ConditionalOnBean(Scheduler.class)
	RecurringWork hilEscalation(EscalationSchedule schedule, ActionService actions,
			PlatformTransactionManager transactionManager, EscalationProperties properties) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new EscalationSweeper(schedule, actions, ownTransaction, properties);
	}

}
