package dev.camundahil.action;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.schema.HilDatabase;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The action feature: its tables, its service and what they need.
 */
@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActionRequestRepository actionRequestRepository(JdbcTemplate jdbc, HilDatabase database) {
		return new ActionRequestRepository(jdbc, database);
	}

	@Bean
	@ConditionalOnMissingBean
	AnswerTransaction hilAnswerTransaction(PlatformTransactionManager transactions) {
		return new AnswerTransaction(transactions);
	}

	@Bean
	@ConditionalOnMissingBean
	ActionService actionService(ActionRequestRepository actions, JdbcTemplate jdbc, ApplicationEventPublisher events,
			ResponseLimitProperties limits, AnswerTransaction answers, HilDatabase database) {
		// the plugin's mapper, not the application's: stored hashes must not change with its Jackson settings
		ObjectMapper json = JsonColumns.mapper();
		return new ActionService(actions, new ActionAuditRepository(jdbc, actions.jsonColumns()), events,
				new IdempotencyKeys(jdbc, json),
				new ResponseValueLimit(json, limits.getMaxResponseValueSize()), answers,
				OverdueActions.forDatabase(jdbc, database), new ActionRecipientRepository(jdbc),
				new ActionVoteRepository(jdbc, actions.jsonColumns()));
	}

}
