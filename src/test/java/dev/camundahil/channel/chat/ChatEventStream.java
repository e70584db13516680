package dev.camundahil.channel.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat stream read by a real HTTP client, as a page or an API client reads it: its events arrive in order as
 * {@code name + "\n" + data}.
 */
final class ChatEventStream implements AutoCloseable {

	/** Generous: only a missing event should ever wait this long. */
	static final Duration PATIENCE = Duration.ofSeconds(30);

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private ChatEventStream(HttpClient http, URI uri, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		this.response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAcceptAsync((lines) -> {
			StringBuilder event = new StringBuilder();
			lines.body().forEach((line) -> {
				if (line.startsWith("event:")) {
					event.append(line.substring(6).strip()).append('\n');
				}
				else if (line.startsWith("data:")) {
					event.append(line.substring(5));
				}
				else if (line.isEmpty() && !event.isEmpty()) {
					this.events.add(event.toString());
					event.setLength(0);
				}
			});
		});
	}

	/** Opens a stream; {@code headers} are name, value pairs. */
	static ChatEventStream open(HttpClient http, URI uri, String... headers) {
		return new ChatEventStream(http, uri, headers);
	}

	/** The data of the next event of this name, skipping others. */
	String next(String name) throws InterruptedException {
		return next(name, PATIENCE);
	}

	/** The data of the next event of this name that comes within {@code patience}, skipping others. */
	String next(String name, Duration patience) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			String event = this.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			assertThat(event).as("a '%s' event on the stream within %s", name, patience).isNotNull();
			if (event.startsWith(name + "\n")) {
				return event.substring(name.length() + 1);
			}
		}
	}

	/**
	 * The events, in order, from now until those received include one of each of these names; fails when they do
	 * not come within {@code patience}.
	 */
	List<String> untilEach(Duration patience, String... names) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		List<String> received = new ArrayList<>();
		while (!Stream.of(names).allMatch((name) -> received.stream().anyMatch((event) -> isNamed(event, name)))) {
			String event = this.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			assertThat(event).as("events %s on the stream within %s; got %s", List.of(names), patience, received)
				.isNotNull();
			received.add(event);
		}
		return received;
	}

	private static boolean isNamed(String event, String name) {
		return event.startsWith(name + "\n");
	}

	/** Every event that comes within {@code wait}, in order. */
	List<String> during(Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		List<String> received = new ArrayList<>();
		String event;
		while ((event = this.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
			received.add(event);
		}
		return received;
	}

	@Override
	public void close() {
		HttpResponse<Stream<String>> opened = this.response.isDone() && !this.response.isCompletedExceptionally()
				? this.response.join() : null;
		this.response.cancel(true);
		if (opened != null) {
			// ends the connection, so the server forgets the stream
			opened.body().close();
		}
	}

}
