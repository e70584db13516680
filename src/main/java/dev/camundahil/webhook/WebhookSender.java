package dev.camundahil.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one signed delivery: headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}
 * per the Standard Webhooks specification, signed over the exact body sent. Redirects are not followed, nothing is
 * retried here, every connection goes through the {@link GuardedDnsResolver}, the whole exchange is cut off after
 * the timeout, and the receiver's answer body is never read beyond a few kilobytes.
 */
final class WebhookSender implements AutoCloseable {

	private static final int MAX_RESPONSE_BYTES = 8 * 1024;

	/** A Retry-After beyond this is taken as this, so one odd header cannot park a delivery for weeks. */
	private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private final CloseableHttpClient client;

	private final Duration timeout;

	/** Cuts off a receiver that keeps a request alive by answering a byte at a time. */
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "hil-webhook-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	WebhookSender(WebhookAddressPolicy policy, Duration timeout, int maxConnections) {
		this.timeout = timeout;
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDnsResolver(policy))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(maxConnections)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(limit).setConnectionRequestTimeout(limit).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("camunda-hil-webhooks")
			.build();
	}

	SendResult send(URI url, String webhookId, String secret, String body) {
		long timestamp = Instant.now().getEpochSecond();
		String signature;
		try {
			signature = new Webhook(secret).sign(webhookId, timestamp, body);
		}
		catch (WebhookSigningException | IllegalArgumentException ex) {
			return SendResult.failed("cannot sign: the secret is not usable");
		}
		HttpPost post = new HttpPost(url);
		post.setHeader("webhook-id", webhookId);
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature", signature);
		post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		ScheduledFuture<?> deadline = this.deadlines.schedule(post::cancel, this.timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = this.client.executeOpen(null, post, null)) {
			int status = response.getCode();
			Duration retryAfter = (status == 429 || status == 503) ? retryAfter(response.getFirstHeader("Retry-After"))
					: null;
			if (response.getEntity() != null) {
				// a little of the body lets a keep-alive connection be reused; more is not worth waiting for
				try (InputStream content = response.getEntity().getContent()) {
					content.readNBytes(MAX_RESPONSE_BYTES);
				}
			}
			return new SendResult(status, retryAfter,
					(status >= 200 && status < 300) ? null : "HTTP " + status + reason(response), false);
		}
		catch (WebhookAddressPolicy.RefusedAddressException ex) {
			return SendResult.failed("refused: " + ex.getMessage());
		}
		catch (IOException ex) {
			if (post.isCancelled()) {
				return SendResult.noAnswer("no complete answer within " + this.timeout);
			}
			return SendResult.noAnswer(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			deadline.cancel(false);
		}
	}

	static Duration retryAfter(Header header) {
		if (header == null || header.getValue() == null) {
			return null;
		}
		String value = header.getValue().strip();
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(value));
		}
		catch (NumberFormatException notSeconds) {
			try {
				wait = Duration.between(Instant.now(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
		if (wait.isNegative()) {
			return Duration.ZERO;
		}
		return (wait.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : wait;
	}

	private static String reason(ClassicHttpResponse response) {
		String phrase = response.getReasonPhrase();
		return (phrase == null || phrase.isBlank()) ? "" : " " + phrase;
	}

	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

	/**
	 * What a receiver answered: its status code (0 when there was no answer), how long it asked to wait, what went
	 * wrong (null on success), and whether it was tried and got no answer (as opposed to not being sent).
	 */
	record SendResult(int statusCode, Duration retryAfter, String error, boolean noAnswer) {

		/** Nothing was sent: the delivery could not be signed or its address was refused. */
		static SendResult failed(String error) {
			return new SendResult(0, null, error, false);
		}

		/** Tried, and no answer came: no connection, a broken one, or none within the timeout. */
		static SendResult noAnswer(String error) {
			return new SendResult(0, null, error, true);
		}

		boolean succeeded() {
			return this.statusCode >= 200 && this.statusCode < 300;
		}

		boolean answered() {
			return this.statusCode != 0;
		}

		/** Whether the endpoint looks unwell: no answer, a server error, or too many requests. */
		boolean endpointFailing() {
			return this.noAnswer || this.statusCode >= 500 || this.statusCode == 429;
		}

	}

}
