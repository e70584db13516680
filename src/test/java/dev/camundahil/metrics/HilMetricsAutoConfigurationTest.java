package dev.camundahil.metrics;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.PendingFlow;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The meters join whatever registry the application has, back off without Micrometer or when switched off, and
 * check their setting at start.
 */
class HilMetricsAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, HilMetricsAutoConfiguration.class));

	@Test
	void theMetersJoinTheApplicationsRegistry() {
		this.contexts.withPropertyValues("hil.metrics.refresh-interval=0s").run((context) -> {
			given(context.getBean(ActionService.class).pendingByFlow())
				.willReturn(List.of(new PendingFlow("orders", 3, null)));
			assertThat(context).hasSingleBean(ActionMeters.class).hasSingleBean(OutboxMeters.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(ActionMeters.PENDING).gauges()).as("before the flow had pending actions").isEmpty();
			context.getBean(ActionMeters.class).bindTo(registry);
			assertThat(registry.get(ActionMeters.PENDING).tag("flow", "orders").gauge().value()).isEqualTo(3.0);
		});
	}

	@Test
	void withoutMicrometerThereAreNoMeters() {
		this.contexts.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ActionMeters.class)
				.doesNotHaveBean(OutboxMeters.class));
	}

	@Test
	void switchedOffThereAreNoMeters() {
		this.contexts.withPropertyValues("hil.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActionMeters.class));
	}

	@Test
	void aNegativeRefreshIntervalStopsTheStart() {
		this.contexts.withPropertyValues("hil.metrics.refresh-interval=-1s")
			.run(PluginContexts.failedOnSetting("hil.metrics.refresh-interval must not be negative"));
	}

	@Test
	void aCachedGaugeQueriesOncePerInterval() {
		int[] queries = new int[1];
		CachedQuery<Integer> cached = new CachedQuery<>(() -> ++queries[0], java.time.Duration.ofHours(1), 0);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.gauge("a", cached, (c) -> c.get());
		registry.gauge("b", cached, (c) -> c.get());

		for (int scrape = 0; scrape < 5; scrape++) {
			registry.getMeters().forEach((meter) -> meter.measure().forEach((measurement) -> measurement.getValue()));
		}

		assertThat(queries[0]).isEqualTo(1);
	}

}
