package dev.camundahil.schema;

import javax.sql.DataSource;

import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's tables: migrated unless {@code hil.schema.migrate} is off, their database read once, and both
 * replaced by a host's own beans.
 */
class SchemaAutoConfigurationTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner());

	@Test
	void migratesTheTablesAndTellsTheDatabase() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(HilSchema.class);
			assertThat(context).getBean(HilDatabase.class).isEqualTo(HilDatabase.H2);
		});
	}

	@Test
	void leavesTheTablesAloneWhenMigrationIsOff() {
		this.contexts.withPropertyValues("hil.schema.migrate=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HilSchema.class);
			assertThat(context).hasSingleBean(HilDatabase.class);
		});
	}

	@Test
	void theHostsBeansReplaceThePlugins() {
		this.contexts.withUserConfiguration(HostSchema.class).run((context) -> {
			assertThat(context).getBean(HilSchema.class).isSameAs(context.getBean("hostSchema"));
			assertThat(context).getBean(HilDatabase.class).isEqualTo(HilDatabase.POSTGRESQL);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostSchema {

		@Bean
		HilSchema hostSchema(DataSource dataSource) {
			return new HilSchema(dataSource, "host_history");
		}

		@Bean
		HilDatabase hostDatabase() {
			return HilDatabase.POSTGRESQL;
		}

	}

}
