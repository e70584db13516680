package dev.camundahil.channel;

import dev.camundahil.action.ActionProperties;
import dev.camundahil.action.ActionService;
import dev.camundahil.channel.ChannelMessage.Purpose;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.schema.HilDatabase;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The output channels: routing, the deployment check of channels and reminders, the dispatch outbox, its workers and
 * its two sweeps ({@code dispatch-retries} and {@code reminders}).
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChannelRouter hilChannelRouter(ListableBeanFactory beans) {
		return new ChannelRouter(beans);
	}

	@Bean
	@ConditionalOnMissingBean
	ChannelDeclarationCheck hilChannelDeclarationCheck(ChannelRouter router, ActionProperties properties) {
		return new ChannelDeclarationCheck(router, properties.getDefaultTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchRows hilDispatchRows(JdbcTemplate jdbc, HilDatabase database) {
		return new DispatchRows(jdbc, database);
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchDelivery hilDispatchDelivery(DispatchRows rows, ChannelRouter router, ActionService actions,
			PlatformTransactionManager transactionManager, DispatchProperties dispatch) {
		return new DispatchDelivery(rows, router, actions, new TransactionTemplate(transactionManager),
				dispatch.retryPolicy());
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchWorkers hilDispatchWorkers(DispatchRows rows, DispatchDelivery delivery, ChannelRouter router,
			DispatchProperties dispatch) {
		return new DispatchWorkers(rows, delivery, router, dispatch.getLease(), dispatch.getWorkers(),
				dispatch.getQueueCapacity());
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchOutbox hilDispatchOutbox(DispatchRows rows, ChannelRouter router, ActionService actions,
			DispatchWorkers workers, DispatchProperties dispatch) {
		return new DispatchOutbox(rows, router, actions, dispatch.retryPolicy(), workers);
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchBacklog hilDispatchBacklog(DispatchRows rows, DispatchWorkers workers, ActionService actions) {
		return new DispatchBacklog(rows, workers, actions);
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchedMessages hilDispatchedMessages(JdbcTemplate jdbc) {
		return new DispatchedMessages(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	UnservedDispatchWarning hilUnservedDispatchWarning(DispatchRows rows, ChannelRouter router) {
		return new UnservedDispatchWarning(rows, router);
	}

	@Bean
	@ConditionalOnMissingBean(name = "hilDispatchRetries")
	RecurringWork hilDispatchRetries(DispatchRows rows, ChannelRouter router, DispatchDelivery delivery,
			DispatchProperties dispatch) {
		return new DueDispatchSweep("dispatch-retries", Purpose.REQUEST, dispatch.getInterval(),
				dispatch.getBatchSize(), dispatch.getLease(), rows, router, delivery);
	}

	@Bean
	@ConditionalOnMissingBean(name = "hilReminders")
	RecurringWork hilReminders(DispatchRows rows, ChannelRouter router, DispatchDelivery delivery,
			ReminderProperties reminders, DispatchProperties dispatch) {
		return new DueDispatchSweep("reminders", Purpose.REMINDER, reminders.getInterval(), reminders.getBatchSize(),
				dispatch.getLease(), rows, router, delivery);
	}

	/** The dispatches API, in web applications only. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(DispatchController.class)
	static class DispatchApiConfiguration {

	}

}
