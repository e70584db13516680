package dev.camundahil.mail.oauth2;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OAuth2 token endpoint on loopback: answers every POST to {@code /token} with the next access token it was
 * given (the last one again once they run out), or with 503 while it is down, and records each request's form and
 * {@code Authorization} header.
 */
final class TokenServer implements AutoCloseable {

	private final HttpServer server;

	/** Guarded by {@code this}. */
	private final Deque<String> tokens = new ArrayDeque<>();

	/** Guarded by {@code this}. */
	private final List<Request> requests = new ArrayList<>();

	/** Guarded by {@code this}. */
	private int expiresIn = 3600;

	/** Guarded by {@code this}. */
	private boolean down;

	TokenServer(String... tokens) throws IOException {
		handOut(tokens);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/token", this::answer);
		this.server.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/token";
	}

	/** The tokens to hand out from now on, in this order. */
	synchronized void handOut(String... tokens) {
		this.tokens.clear();
		this.tokens.addAll(List.of(tokens));
	}

	synchronized void expiresIn(int seconds) {
		this.expiresIn = seconds;
	}

	synchronized void down(boolean down) {
		this.down = down;
	}

	synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** How many token requests were answered with a token. */
	synchronized long tokensHandedOut() {
		return this.requests.stream().filter(Request::answered).count();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		int status;
		String body;
		synchronized (this) {
			if (this.down || !"POST".equals(exchange.getRequestMethod())) {
				this.requests.add(new Request(parse(form), authorization, false));
				status = this.down ? 503 : 405;
				body = "{\"error\":\"temporarily_unavailable\"}";
			}
			else {
				this.requests.add(new Request(parse(form), authorization, true));
				String token = (this.tokens.size() > 1) ? this.tokens.poll() : this.tokens.peek();
				status = 200;
				body = "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + this.expiresIn
						+ "}";
			}
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> parse(String form) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : form.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One token request: its form parameters, its {@code Authorization} header, and whether it got a token. */
	record Request(Map<String, String> form, String authorization, boolean answered) {
	}

}
