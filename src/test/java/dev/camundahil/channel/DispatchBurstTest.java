package dev.camundahil.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camundahil.bpmn.HilProcesses;
import dev.camundahil.support.PostgresTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static dev.camundahil.bpmn.HilProcesses.hilTask;
import static dev.camundahil.bpmn.HilProcesses.key;
import static dev.camundahil.bpmn.HilProcesses.waitingAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of actions larger than the dispatch queue: the rows that found the queue full are sent by the workers as
 * soon as they have room, long before the handover would let a sweep take them (here the sweep never runs), and
 * each exactly once.
 */
@PostgresTest
@Import(DispatchBurstTest.GatedChannelConfiguration.class)
@TestPropertySource(properties = { "hil.dispatch.workers=1", "hil.dispatch.queue-capacity=2",
		"hil.dispatch.interval=1h" })
class DispatchBurstTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GatedChannel gated;

	@Test
	void rowsThatFoundTheQueueFullAreSentAsSoonAsTheWorkersHaveRoom() throws Exception {
		String key = HilProcesses.deploy(this.repository,
				waitingAfter(hilTask(key("burst"), "Done?", "custom").camundaInputParameter("channel", "gatedChannel")));
		List<UUID> actions = new ArrayList<>();
		// the one worker holds the first, the queue the next two; the other seven find it full
		for (int i = 0; i < 10; i++) {
			String instance = this.runtime.startProcessInstanceByKey(key).getId();
			actions.add(this.jdbc.queryForObject("SELECT id FROM action_request WHERE process_instance_id = ?",
					UUID.class, instance));
			if (i == 0) {
				assertThat(this.gated.entered.await(10, TimeUnit.SECONDS)).as("the worker took the first").isTrue();
			}
		}
		assertThat(this.gated.calls).hasSize(1);

		this.gated.open.countDown();

		// well within the handover (10 s), after which a sweep could have sent them
		Awaitility.await()
			.atMost(Duration.ofSeconds(8))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.gated.calls.keySet().containsAll(actions));
		// the channel has been called for the last row a moment before its worker records the delivery
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList("SELECT DISTINCT d.status || '/' || d.attempts "
					+ "FROM action_dispatch d JOIN action_request a ON a.id = d.action_id WHERE a.flow_id = ?",
					String.class, key))
				.containsExactly("delivered/1"));
		assertThat(actions).allSatisfy((id) -> assertThat(this.gated.calls.get(id)).hasValue(1));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GatedChannelConfiguration {

		@Bean
		GatedChannel gatedChannel() {
			return new GatedChannel();
		}

	}

	/** Holds every message until the test opens the gate; counts the calls per action. */
	static class GatedChannel implements OutputChannel {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch open = new CountDownLatch(1);

		final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

		@Override
		public String type() {
			return "custom";
		}

		@Override
		public DispatchReceipt dispatch(ChannelMessage message) throws Exception {
			this.calls.computeIfAbsent(message.action().id(), (id) -> new AtomicInteger()).incrementAndGet();
			this.entered.countDown();
			if (!this.open.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the gate stayed shut");
			}
			return DispatchReceipt.delivered();
		}

	}

}
