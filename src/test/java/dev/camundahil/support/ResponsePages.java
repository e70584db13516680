package dev.camundahil.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.parser.Parser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response pages behind emailed links, over real HTTP as a person's browser reaches them: no API key, and no
 * redirect followed, so that a test sees the app's own answer. Reading a form off a page lets a test post what the
 * page's button would.
 */
public final class ResponsePages {

	private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

	private static final Pattern HIDDEN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	public ResponsePages(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A HEAD, as a mail scanner may send for a link. */
	public HttpResponse<Void> head(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(url(path)).method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	/** Posts a form, url-encoded as a browser sends it. */
	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a link's own parameters to its path, as a client that skips the page would. */
	public HttpResponse<String> postLink(String link) throws IOException, InterruptedException {
		return post(link.substring(0, link.indexOf('?')), query(link));
	}

	/** Posts the page's first form as it stands, as its button does. */
	public HttpResponse<String> confirm(HttpResponse<String> page) throws IOException, InterruptedException {
		return post(formAction(page.body()), formFields(page.body()));
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Where the page's first form posts to. */
	public static String formAction(String html) {
		Matcher action = FORM_ACTION.matcher(html);
		assertThat(action.find()).as("a form on the page").isTrue();
		return action.group(1);
	}

	/** The hidden fields of the page's first form, in a map the test may add to. */
	public static Map<String, String> formFields(String html) {
		String form = html.substring(html.indexOf("<form"), html.indexOf("</form>"));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN_FIELD.matcher(form);
		while (hidden.find()) {
			fields.put(hidden.group(1), Parser.unescapeEntities(hidden.group(2), true));
		}
		return fields;
	}

	/** The hidden fields of the page's first form, and what the person typed. */
	public static Map<String, String> formFields(String html, Map<String, String> typed) {
		Map<String, String> fields = formFields(html);
		fields.putAll(typed);
		return fields;
	}

	private static Map<String, String> query(String link) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
			int equals = pair.indexOf('=');
			fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
