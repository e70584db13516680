package dev.camundahil.schema;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.context.annotation.Bean;

/**
 * The plugin's tables: which database they are in, and their migration by {@link HilSchema} before JPA and Quartz
 * start. The plugin's entities and repositories join the application's own through {@link AutoConfigurationPackage}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		before = { HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class })
@AutoConfigurationPackage(basePackages = "dev.camundahil")
@EnableConfigurationProperties(SchemaProperties.class)
public class SchemaAutoConfiguration {

	/** Read once from the data source; every feature that spells SQL per database asks this bean. */
	@Bean
	@ConditionalOnMissingBean
	HilDatabase hilDatabase(DataSource dataSource) {
		return HilDatabase.of(dataSource);
	}

	@Bean(initMethod = "up")
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "hil.schema", name = "migrate", matchIfMissing = true)
	HilSchema hilSchema(DataSource dataSource, HilDatabase database, SchemaProperties properties) {
		return new HilSchema(dataSource, database, properties.getHistoryTable());
	}

	/** Keeps Hibernate from creating or dropping tables on an embedded database whose tables the plugin manages. */
	@Bean
	@ConditionalOnMissingBean(name = "hilSchemaManagementProvider")
	SchemaManagementProvider hilSchemaManagementProvider(ObjectProvider<HilSchema> schema, DataSource hilDataSource) {
		return (dataSource) -> (schema.getIfAvailable() != null && dataSource == hilDataSource)
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
