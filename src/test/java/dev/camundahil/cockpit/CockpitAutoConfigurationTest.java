package dev.camundahil.cockpit;

import java.util.List;

import dev.camundahil.support.PluginContexts;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The Cockpit view where the application has Camunda's webapps and a process engine, reaching that engine's
 * application, with the admin group of its setting or else the engine's own; gone without the webapps or when switched off.
 */
class CockpitAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PluginContexts.MockActions.class, MockEngine.class)
		.withConfiguration(AutoConfigurations.of(CockpitAutoConfiguration.class));

	@Test
	void theViewReachesTheApplicationOfItsEngine() {
		this.contexts.withPropertyValues("hil.cockpit.admin-group=operators").run((context) -> {
			assertThat(context).hasSingleBean(CockpitBridge.class);
			CockpitOperations operations = CockpitBridge.of(context.getBean(ProcessEngine.class));
			assertThat(operations).isNotNull();
			assertThat(operations.mayAct(List.of("operators"))).isTrue();
			assertThat(operations.mayAct(List.of("camunda-admin"))).isFalse();
			assertThat(operations.mayAct(null)).isFalse();
		});
	}

	@Test
	void unsetTheAdminGroupsAreTheEnginesOwn() {
		this.contexts.run((context) -> {
			CockpitOperations operations = CockpitBridge.of(context.getBean(ProcessEngine.class));
			assertThat(operations.mayAct(List.of("users", "engine-admins"))).isTrue();
			assertThat(operations.mayAct(List.of("camunda-admin"))).as("the engine names its own").isFalse();
		});
	}

	@Test
	void aClosedApplicationLeavesTheView() {
		ProcessEngine[] engine = new ProcessEngine[1];
		this.contexts.run((context) -> engine[0] = context.getBean(ProcessEngine.class));
		assertThat(CockpitBridge.of(engine[0])).isNull();
	}

	@Test
	void withoutCamundasWebappsThereIsNoView() {
		this.contexts.withClassLoader(new FilteredClassLoader(AbstractCockpitPlugin.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CockpitBridge.class));
	}

	@Test
	void switchedOffThereIsNoView() {
		this.contexts.withPropertyValues("hil.cockpit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CockpitBridge.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class MockEngine {

		@Bean
		ProcessEngine processEngine() {
			ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
			given(configuration.getAdminGroups()).willReturn(List.of("engine-admins"));
			ProcessEngine engine = mock(ProcessEngine.class);
			given(engine.getProcessEngineConfiguration()).willReturn(configuration);
			return engine;
		}

	}

}
