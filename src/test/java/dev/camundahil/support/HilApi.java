package dev.camundahil.support;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HIL API over real HTTP with the tests' API key (see {@link PostgresTest#API_KEYS}). Every call answers a
 * {@link Reply} whatever its status, so that a test asserts a problem as plainly as a success.
 */
public final class HilApi {

	/** The key {@link PostgresTest#API_KEYS} names {@code tests}. */
	public static final String KEY = "test-key";

	private final ObjectMapper json = new ObjectMapper();

	private final RestClient http;

	public HilApi(int port) {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("X-API-Key", KEY)
			.build();
	}

	public Reply get(String path) {
		return send("GET", path, null);
	}

	/** A POST of a JSON body. */
	public Reply post(String path, String body) {
		return send("POST", path, body);
	}

	/** A call with a JSON body, or none where the body is null. */
	public Reply send(String method, String path, String body) {
		return send(method, path, body, Map.of());
	}

	/** A call with headers of its own besides the key, such as an Idempotency-Key. */
	public Reply send(String method, String path, String body, Map<String, String> headers) {
		return this.http.method(HttpMethod.valueOf(method)).uri(path).headers((sent) -> {
			if (body != null) {
				sent.setContentType(MediaType.APPLICATION_JSON);
			}
			headers.forEach(sent::set);
		}).body((body != null) ? body : "").exchange((request, response) -> {
			String text = new String(response.getBody().readAllBytes());
			MediaType type = response.getHeaders().getContentType();
			return new Reply(response.getStatusCode().value(),
					(type != null) ? type.getType() + "/" + type.getSubtype() : null,
					text.isBlank() ? this.json.nullNode() : this.json.readTree(text));
		});
	}

	/** The client itself, with the key, for what does not answer JSON. */
	public RestClient rest() {
		return this.http;
	}

	/** The reply is an RFC 9457 problem with this status whose detail says this. */
	public static void assertProblem(Reply reply, int status, String detail) {
		assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.body().get("detail").asText()).contains(detail);
	}

	/** Status, content type without parameters, and the body as JSON (a null node where it is empty). */
	public record Reply(int status, String contentType, JsonNode body) {
	}

}
