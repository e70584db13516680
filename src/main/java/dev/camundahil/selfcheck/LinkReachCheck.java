package dev.camundahil.selfcheck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.camundahil.links.SignedTokens;
import dev.camundahil.schedule.RecurringWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code hil.links.base-url} + {@code /hil/ping} with a fresh nonce and checks that the answer is the nonce
 * signed with this cluster's links key: links in emails and chat invitations then reach this application. A wrong
 * public address is a common reason links fail; when the check fails, one WARN says what to set, until it passes
 * again. Runs at start and as the recurring work {@code link-check}.
 */
public final class LinkReachCheck implements RecurringWork {

	private static final Logger log = LoggerFactory.getLogger(LinkReachCheck.class);

	private static final SecureRandom random = new SecureRandom();

	private final String baseUrl;

	private final SignedTokens tokens;

	private final Duration interval;

	private final Duration timeout;

	private final HttpClient http;

	private volatile Result last;

	LinkReachCheck(String baseUrl, SignedTokens tokens, Duration interval, Duration timeout) {
		this.baseUrl = baseUrl;
		this.tokens = tokens;
		this.interval = interval;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	@Override
	public String name() {
		return "link-check";
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public int batchSize() {
		return 1;
	}

	@Override
	public int sweep() {
		check();
		return 0;
	}

	/** The outcome of the last check; null before the first. */
	public Result last() {
		return this.last;
	}

	/** Checks the links now, and warns once when they stop reaching this application. */
	public Result check() {
		Result result = fetch();
		Result before = this.last;
		this.last = result;
		if (!result.reaches() && (before == null || before.reaches() || !before.problem().equals(result.problem()))) {
			log.warn("Links in emails and chat invitations start with hil.links.base-url={}, which does not reach this "
					+ "application: {}. Set hil.links.base-url to the address people reach this application at, "
					+ "such that {} answers from it", this.baseUrl, result.problem(), result.url());
		}
		else if (result.reaches() && before != null && !before.reaches()) {
			log.info("Links reach this application again at {}", this.baseUrl);
		}
		return result;
	}

	private Result fetch() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String url = this.baseUrl.replaceAll("/+$", "") + LinkPingController.PATH + "?nonce=" + nonce;
		Instant now = Instant.now();
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(this.timeout)
				.header("Accept", "text/plain")
				.GET()
				.build(), BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return new Result(false, url, "it answered " + response.statusCode(), now);
			}
			if (this.tokens.verify(response.body().strip(), LinkPingController.PURPOSE,
					nonce) != SignedTokens.Verdict.VALID) {
				return new Result(false, url, "the answer does not come from this application's cluster (another "
						+ "application, or nodes with a different hil.links.secret)", now);
			}
			return new Result(true, url, null, now);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(false, url, "the check was interrupted", now);
		}
		catch (Exception ex) {
			return new Result(false, url, "it cannot be reached (" + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")", now);
		}
	}

	/**
	 * How a check went.
	 *
	 * @param reaches whether the answer came from this application's cluster
	 * @param url the address fetched, nonce and all
	 * @param problem what went wrong; null when it reaches
	 * @param checkedAt when
	 */
	public record Result(boolean reaches, String url, String problem, Instant checkedAt) {
	}

}
