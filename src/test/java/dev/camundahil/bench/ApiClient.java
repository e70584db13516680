package dev.camundahil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The benchmark's client of the HIL API (and of Camunda's own REST API, for a baseline): Apache HttpClient's
 * blocking client with a pooled connection per thread. It runs in the app's JVM on the same cores, so it should take
 * little of them; the JDK's {@code HttpClient} costs more CPU a request.
 */
final class ApiClient implements AutoCloseable {

	private final String baseUrl;

	private final String authHeader;

	private final String authValue;

	private final CloseableHttpClient http;

	/** A client of the HIL API, with an API key. */
	ApiClient(String baseUrl, String apiKey, int connections) {
		this(baseUrl, "X-API-Key", apiKey, connections);
	}

	private ApiClient(String baseUrl, String authHeader, String authValue, int connections) {
		this.baseUrl = baseUrl;
		this.authHeader = authHeader;
		this.authValue = authValue;
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnPerRoute(connections)
				.setMaxConnTotal(connections)
				.build())
			.build();
	}

	/** A client of Camunda's REST API, with HTTP Basic as one of the engine's users. */
	static ApiClient camundaRest(String baseUrl, String user, String password, int connections) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ApiClient(baseUrl, "Authorization", "Basic " + credentials, connections);
	}

	String get(String path) throws IOException {
		return send(new HttpGet(this.baseUrl + path), 200);
	}

	String post(String path, String json) throws IOException {
		return send(withBody(new HttpPost(this.baseUrl + path), json), 200);
	}

	/** A POST answered 204 No Content. */
	void postNoContent(String path, String json) throws IOException {
		send(withBody(new HttpPost(this.baseUrl + path), json), 204);
	}

	/** A POST that creates something: answered 201. */
	String create(String path, String json) throws IOException {
		return send(withBody(new HttpPost(this.baseUrl + path), json), 201);
	}

	void delete(String path) throws IOException {
		send(new HttpDelete(this.baseUrl + path), 204);
	}

	private static HttpUriRequestBase withBody(HttpUriRequestBase request, String json) {
		request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
		return request;
	}

	private String send(HttpUriRequestBase request, int expectedStatus) throws IOException {
		request.setHeader(this.authHeader, this.authValue);
		return this.http.execute(request, (response) -> {
			String body = (response.getEntity() != null) ? EntityUtils.toString(response.getEntity()) : "";
			if (response.getCode() != expectedStatus) {
				throw new IllegalStateException(request.getMethod() + " " + request.getRequestUri() + " answered "
						+ response.getCode() + ": " + body);
			}
			return body;
		});
	}

	@Override
	public void close() throws IOException {
		this.http.close();
	}

}
