package dev.camundahil.action;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.camundahil.config.HilProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The action feature: its service and what it needs.
 */
@Configuration(proxyBeanMethods = false)
public class ActionConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActionService actionService(ActionRequestRepository actions, ActionAuditRepository audits,
			EntityManager entityManager, ApplicationEventPublisher events, JdbcTemplate jdbc, ObjectMapper json,
			HilProperties properties) {
		return new ActionService(actions, audits, entityManager, events, new IdempotencyKeys(jdbc, json),
				new ResponseValueLimit(json, properties.getSecurity().getMaxResponseValueSize()));
	}

}
