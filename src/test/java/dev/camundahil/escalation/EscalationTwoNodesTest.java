package dev.camundahil.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.NewAction;
import dev.camundahil.schedule.RecurringWork;
import dev.camundahil.support.PostgresTest;
import dev.camundahil.support.SecondNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one database sweeping the same due escalation levels at the same time: each level is
 * carried out exactly once, its person added once and audited once; a level of a closed action is only dropped.
 */
@PostgresTest
@TestPropertySource(properties = { EscalationTwoNodesTest.SCHEDULER, EscalationTwoNodesTest.INTERVAL })
class EscalationTwoNodesTest {

	static final String SCHEDULER = "spring.quartz.scheduler-name=hil-escalation-tests";

	static final String INTERVAL = "hil.escalation.interval=500ms";

	private static final int ACTIONS = 40;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Autowired
	ActionService actions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("hilEscalation")
	RecurringWork escalation;

	@Test
	void twoNodesCarryOutEveryDueLevelExactlyOnce() throws Exception {
		String flow = "escalationTwoNodes-" + UUID.randomUUID();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < ACTIONS; i++) {
			ids.add(this.actions.create(new NewAction(flow, "session-" + UUID.randomUUID(), "ask", List.of("chat"), "Q?",
					Map.of(), Map.of("escalation", List.of(Map.of("after", "PT1H", "to", List.of("lead@esc.example")),
							Map.of("after", "P1D", "to", List.of("director@esc.example")))), null, null, null))
				.getId());
		}
		UUID closed = ids.get(0);
		this.actions.cancel(closed, "withdrawn", "clerk");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_escalation WHERE action_id = ?", Integer.class,
				ids.get(1))).isEqualTo(2);

		try (ConfigurableApplicationContext second = SecondNode.start(this.databaseUrl, SCHEDULER, INTERVAL)) {
			RecurringWork secondEscalation = second.getBean("hilEscalation", RecurringWork.class);
			// the first level of every action comes due; the second stays a day away
			this.jdbc.update("UPDATE action_escalation SET due_at = now() - interval '1 second' WHERE level = 1 "
					+ "AND action_id IN (SELECT id FROM action_request WHERE flow_id = ?)", flow);
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<Integer>> sweeps = List.of(pool.submit(() -> drain(this.escalation)),
					pool.submit(() -> drain(this.escalation)), pool.submit(() -> drain(secondEscalation)),
					pool.submit(() -> drain(secondEscalation)));
			for (Future<Integer> sweep : sweeps) {
				sweep.get(3, TimeUnit.MINUTES);
			}
			pool.shutdown();
			// a sweep that Quartz started on either node may still be carrying out a level: the test's own sweeps
			// skip the level it holds, find nothing more to claim and end before it commits
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM action_escalation e JOIN action_request a "
						+ "ON a.id = e.action_id WHERE a.flow_id = ? AND e.level = 1 AND e.done_at IS NULL",
						Integer.class, flow) == 0);
		}

		for (UUID id : ids.subList(1, ACTIONS)) {
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? "
					+ "AND event = 'escalated'", Integer.class, id)).as("escalations of %s", id).isOne();
			assertThat(this.actions.recipients(id)).extracting((recipient) -> recipient.address())
				.containsExactly("lead@esc.example");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_audit WHERE action_id = ? AND event = 'escalated'",
				Integer.class, closed)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM action_escalation e JOIN action_request a "
				+ "ON a.id = e.action_id WHERE a.flow_id = ? AND e.done_at IS NULL", Integer.class, flow))
			.as("second levels still to come").isEqualTo(ACTIONS - 1);
		assertThat(this.jdbc.queryForObject("SELECT data->>'to' FROM action_audit WHERE action_id = ? "
				+ "AND event = 'escalated'", String.class, ids.get(1))).isEqualTo("[\"lead@esc.example\"]");
	}

	private static int drain(RecurringWork work) {
		int total = 0;
		int handled;
		do {
			handled = work.sweep();
			total += handled;
		}
		while (handled > 0);
		return total;
	}

}
