package dev.camundahil.config;

import javax.sql.DataSource;

import dev.camundahil.action.ActionConfiguration;
import dev.camundahil.api.ApiConfiguration;
import dev.camundahil.bpmn.BpmnConfiguration;
import dev.camundahil.channel.ChannelConfiguration;
import dev.camundahil.channel.chat.ChatConfiguration;
import dev.camundahil.channel.email.EmailConfiguration;
import dev.camundahil.links.LinksConfiguration;
import dev.camundahil.reply.ReplyConfiguration;
import dev.camundahil.security.SecurityConfiguration;
import dev.camundahil.webhook.WebhookConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Switches the HIL plugin on in a Camunda Spring Boot application. Every bean can be replaced by declaring one of
 * the same type. The plugin's entities and repositories join the application's own through
 * {@link AutoConfigurationPackage}; its tables are migrated by {@link HilSchema} before JPA and Quartz start.
 * Where the application has Spring Security, it comes after Spring Boot's security, so that the application's
 * default security chain is decided before the HIL chain exists and stays in place for every path that is not a
 * HIL path; Spring Security itself never comes with the plugin.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, SecurityAutoConfiguration.class },
		before = { HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class })
@AutoConfigurationPackage(basePackages = "dev.camundahil")
@EnableConfigurationProperties(HilProperties.class)
@Import({ ActionConfiguration.class,
		BpmnConfiguration.class,
		ApiConfiguration.class,
		SecurityConfiguration.class,
		LinksConfiguration.class,
		ChannelConfiguration.class,
		ChatConfiguration.class,
		EmailConfiguration.class,
		WebhookConfiguration.class,
		ReplyConfiguration.class })
public class HilAutoConfiguration {

	@Bean(initMethod = "up")
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "hil.schema", name = "migrate", matchIfMissing = true)
	HilSchema hilSchema(DataSource dataSource, HilProperties properties) {
		return new HilSchema(dataSource, properties.getSchema().getHistoryTable());
	}

	/** Keeps Hibernate from creating or dropping tables on an embedded database whose tables the plugin manages. */
	@Bean
	SchemaManagementProvider hilSchemaManagementProvider(ObjectProvider<HilSchema> schema, DataSource hilDataSource) {
		return (dataSource) -> (schema.getIfAvailable() != null && dataSource == hilDataSource)
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
