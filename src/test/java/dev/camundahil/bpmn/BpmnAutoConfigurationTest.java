package dev.camundahil.bpmn;

import dev.camundahil.support.PluginContexts;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The HIL task: its {@code hilTask} behaviour and engine plugin, each replaced by a host's own.
 */
class BpmnAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(AutoConfigurations.of(BpmnAutoConfiguration.class));

	@Test
	void declaresTheTaskAndThePlugin() {
		this.contexts.run((context) -> {
			assertThat(context).hasBean("hilTask").hasSingleBean(HilEnginePlugin.class);
			assertThat(context).getBean("hilTask").isInstanceOf(HilTaskBehavior.class);
		});
	}

	@Test
	void theHostsBeansReplaceThePlugins() {
		this.contexts.withUserConfiguration(HostTask.class).run((context) -> {
			assertThat(context).getBean("hilTask").isNotInstanceOf(HilTaskBehavior.class);
			assertThat(context).getBean(HilEnginePlugin.class).isSameAs(context.getBean("hostPlugin"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostTask {

		@Bean
		ActivityBehavior hilTask() {
			return mock(ActivityBehavior.class);
		}

		@Bean
		HilEnginePlugin hostPlugin() {
			return mock(HilEnginePlugin.class);
		}

	}

}
