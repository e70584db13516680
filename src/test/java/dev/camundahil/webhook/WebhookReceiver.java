package dev.camundahil.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a real port: records every request and answers with scripted responses (then 200), and
 * can hold requests until the test lets them go, as a slow receiver does.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();

	private final List<Answered> answered = new CopyOnWriteArrayList<>();

	private volatile CountDownLatch hold;

	private WebhookReceiver(InetSocketAddress address) throws IOException {
		this.server = HttpServer.create(address, 50);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, List<String>> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
			this.received.add(new Received(Instant.now(), exchange.getRequestURI().getPath(), headers,
					new String(body, StandardCharsets.UTF_8)));
			CountDownLatch latch = this.hold;
			if (latch != null) {
				try {
					latch.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			Answer answer = this.script.poll();
			if (answer == null) {
				answer = new Answer(200, Map.of());
			}
			this.answered.add(new Answered(exchange.getRequestHeaders().getFirst("webhook-id"), answer.status()));
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.sendResponseHeaders(answer.status(), -1);
			exchange.close();
		});
		this.server.start();
	}

	static WebhookReceiver onLoopback() throws IOException {
		return new WebhookReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
	}

	/** Bound to every interface, so that any 127.x.y.z address reaches it. */
	static WebhookReceiver onAllInterfaces() throws IOException {
		return new WebhookReceiver(new InetSocketAddress(0));
	}

	String url() {
		return "http://127.0.0.1:" + port() + "/hook";
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/** The next requests are answered with these statuses, in order; later ones with 200. */
	WebhookReceiver answer(int... statuses) {
		for (int status : statuses) {
			this.script.add(new Answer(status, Map.of()));
		}
		return this;
	}

	WebhookReceiver answer(int status, Map<String, String> headers) {
		this.script.add(new Answer(status, headers));
		return this;
	}

	/** Drops the scripted answers not given yet: later requests are answered 200, as by a receiver that recovered. */
	void recover() {
		this.script.clear();
	}

	/** Holds every request until {@link #letGo()}. */
	void holdRequests() {
		this.hold = new CountDownLatch(1);
	}

	void letGo() {
		CountDownLatch latch = this.hold;
		this.hold = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/** The status each request was answered with, by webhook-id, in the order they were answered. */
	List<Answered> answered() {
		return new ArrayList<>(this.answered);
	}

	List<Received> received() {
		return new ArrayList<>(this.received);
	}

	/** The requests about one action, in the order they arrived. */
	List<Received> about(Object actionId) {
		return received().stream().filter((request) -> actionId.toString().equals(request.actionId())).toList();
	}

	List<Received> matching(Predicate<Received> filter) {
		return received().stream().filter(filter).toList();
	}

	@Override
	public void close() {
		letGo();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	record Answer(int status, Map<String, String> headers) {
	}

	record Answered(String webhookId, int status) {
	}

	record Received(Instant at, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		JsonNode payload() {
			try {
				return json.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + this.body, ex);
			}
		}

		String type() {
			return payload().path("type").asText();
		}

		String actionId() {
			return payload().path("data").path("action").path("id").asText();
		}

		/** Verifies the signature the way any Standard Webhooks receiver does. */
		void verify(String secret) throws WebhookVerificationException {
			new Webhook(secret).verify(this.body, this.headers);
		}

	}

}
