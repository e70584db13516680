package dev.camundahil.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 4: webhook deliveries to healthy receivers on loopback with every endpoint healthy, then while as many
 * endpoints again fail (half answer 500, half never answer within the timeout), then healthy alone again. The ratio
 * is the healthy rate with failing endpoints over the healthy rate without them, measured half before and half
 * after, so that neither side alone meets the JIT compiler's last work or a drift of the machine.
 */
final class WebhookScenario {

	private static final int ENDPOINTS = 4;

	private WebhookScenario() {
	}

	static List<ScenarioResult> run(ConfigurableApplicationContext app, String baseUrl, String apiKey) throws Exception {
		int deliveries = Integer.getInteger("bench.deliveries", 20_000);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		AtomicInteger received = new AtomicInteger();
		HttpServer healthy = receiver((exchange) -> {
			received.incrementAndGet();
			answer(exchange, 204);
		});
		HttpServer failing = receiver((exchange) -> answer(exchange, 500));
		HttpServer silent = receiver((exchange) -> {
			Thread.sleep(30_000);
			answer(exchange, 204);
		});
		try (ApiClient api = new ApiClient(baseUrl, apiKey, 1)) {
			List<String> healthyHooks = new ArrayList<>();
			for (int i = 0; i < ENDPOINTS; i++) {
				healthyHooks.add(subscribe(api, healthy, "/healthy-" + i));
			}
			// a warm-up first, so that the run alone is not the one that pays for the JIT compiler
			deliver(app, jdbc, received, "w", healthyHooks, Integer.getInteger("bench.deliveriesWarmUp", Math.max(1, deliveries / 4)));
			double alone = deliver(app, jdbc, received, "a", healthyHooks, deliveries / 2);

			List<String> failingHooks = new ArrayList<>();
			for (int i = 0; i < ENDPOINTS / 2; i++) {
				failingHooks.add(subscribe(api, failing, "/failing-" + i));
				failingHooks.add(subscribe(api, silent, "/silent-" + i));
			}
			insert(jdbc, "f", failingHooks, deliveries);
			double withFailures = deliver(app, jdbc, received, "b", healthyHooks, deliveries);
			// gone with their receivers, so that what follows is not queued for endpoints no longer there; the sends
			// to silent ones still under way end at the send timeout
			for (String hook : failingHooks) {
				api.delete("/api/v1/webhooks/" + hook);
			}
			Thread.sleep(app.getEnvironment()
				.getProperty("hil.webhooks.timeout", Duration.class, Duration.ofSeconds(10))
				.plusSeconds(1)
				.toMillis());
			alone += deliver(app, jdbc, received, "c", healthyHooks, deliveries - deliveries / 2);
			for (String hook : healthyHooks) {
				api.delete("/api/v1/webhooks/" + hook);
			}
			return List.of(
					ScenarioResult.throughput("webhook_delivery_healthy", deliveries, alone, null,
							ENDPOINTS + " healthy endpoints, half before and half after the run with failing ones"),
					ScenarioResult.throughput("webhook_delivery", deliveries, withFailures,
							(deliveries / withFailures) / (deliveries / alone),
							ENDPOINTS + " healthy + " + ENDPOINTS + " failing endpoints (500 / no answer)"));
		}
		finally {
			healthy.stop(0);
			failing.stop(0);
			silent.stop(0);
		}
	}

	/**
	 * Queues deliveries to the given webhooks and sweeps until all of them are delivered; returns the seconds. The
	 * table is asked only once the receivers have had as many requests: asked after every empty sweep, its count
	 * (a scan over every run's rows) cost the database more the more rows the scenario had written, so more in the
	 * run beside failing endpoints than in the first run alone.
	 */
	private static double deliver(ConfigurableApplicationContext app, JdbcTemplate jdbc, AtomicInteger received,
			String run, List<String> hooks, int count) throws Exception {
		int expected = received.get() + count;
		insert(jdbc, run, hooks, count);
		return Sweeps.until(Sweeps.named(app, "webhook-deliveries"), 1,
				() -> received.get() >= expected && jdbc.queryForObject("SELECT count(*) FROM action_webhook_delivery "
						+ "WHERE id LIKE ? AND status = 'delivered'", Integer.class, "msg_bench_" + run + "_%") == count);
	}

	private static void insert(JdbcTemplate jdbc, String run, List<String> hooks, int count) {
		jdbc.update("""
				INSERT INTO action_webhook_delivery (id, webhook_id, action_id, event_type, payload, status, attempts,
				                                     next_attempt_at, created_at, updated_at)
				SELECT 'msg_bench_' || ? || '_' || i, (?::uuid[])[1 + i % ?], gen_random_uuid(), 'action.completed',
				       '{"type":"action.completed","timestamp":"2026-11-25T00:00:00Z","data":{"action":{}}}',
				       'pending', 0, now(), now(), now()
				FROM generate_series(1, ?) AS i
				""", run, hooks.toArray(String[]::new), hooks.size(), count);
	}

	private static HttpServer receiver(Handler handler) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		server.setExecutor(Executors.newFixedThreadPool(32, (task) -> {
			Thread thread = new Thread(task, "bench-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", (exchange) -> {
			try {
				exchange.getRequestBody().readAllBytes();
				handler.handle(exchange);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
			finally {
				exchange.close();
			}
		});
		server.start();
		return server;
	}

	private static void answer(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
	}

	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange) throws Exception;

	}

	/** Subscribes a receiver's path to completed actions, as a user does through the webhooks API. */
	private static String subscribe(ApiClient api, HttpServer receiver, String path) throws Exception {
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
		String created = api.create("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"action.completed\"]}");
		return new ObjectMapper().readTree(created).get("id").asText();
	}

}
