package dev.camundahil.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camundahil.InvalidSettingException;
import dev.camundahil.retry.RetryPolicy;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook subscriptions and their signed deliveries.
 */
@ConfigurationProperties(prefix = WebhookProperties.PREFIX)
public class WebhookProperties implements InitializingBean {

	static final String PREFIX = "hil.webhooks";

	/** The shortest {@code hil.webhooks.encryption-key} accepted, in characters. */
	static final int MIN_ENCRYPTION_KEY_LENGTH = 16;

	/**
	 * Key that encrypts webhook secrets in the database (AES-256-GCM, key derived from this text; at least 16
	 * characters). When empty, a random key is used and stored secrets cannot be read after a restart; several
	 * nodes must share one key.
	 */
	private String encryptionKey;

	/**
	 * Delays before each delivery attempt: the first entry before the first attempt, every further one after the
	 * previous attempt failed. Its length is the number of attempts; after the last one a delivery is failed.
	 */
	private List<Duration> retrySchedule = new ArrayList<>(List.of(Duration.ZERO, Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
			Duration.ofHours(10), Duration.ofHours(10)));

	/** Connect and read timeout of one delivery request. */
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * Hosts (names or IP literals, as written in the URL) that webhooks may reach although they are not public
	 * addresses, such as {@code localhost} or {@code 127.0.0.1} in development and tests.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/** How often due deliveries (retries, and deliveries a node did not send at once) are looked for. */
	private Duration interval = Duration.ofSeconds(1);

	/** How many due deliveries one sweep claims. */
	private int batchSize = 50;

	/** How many deliveries this node sends at the same time to webhooks whose endpoints answer. */
	private int threads = 8;

	/**
	 * How many deliveries this node sends at the same time to webhooks whose endpoints have not answered it yet,
	 * or failed since they last did (one at a time each): threads of their own, so that endpoints that never
	 * answer hold these until the timeout, not the threads of endpoints that answer.
	 */
	private int trialThreads = 2;

	/**
	 * How many deliveries to one webhook this node sends at the same time, so a slow receiver holds few threads.
	 * Until the webhook's endpoint has answered this node, and after it failed until it answers again, one.
	 */
	private int perWebhookConcurrency = 2;

	/**
	 * How long a node sends a webhook nothing after an attempt failed for the endpoint's sake: no answer within
	 * the timeout, no connection, or an answer of 5xx or 429 (a longer Retry-After wins, up to
	 * max-endpoint-backoff). The webhook's other deliveries wait in the table meanwhile, with no attempt
	 * counted; then one is tried, and each further failed try doubles the wait up to max-endpoint-backoff. Any
	 * answer ends it. So a failing endpoint takes no delivery threads from answering ones. Each node keeps its own
	 * back-off, in memory.
	 */
	private Duration endpointBackoff = Duration.ofSeconds(5);

	/** The longest a node waits before trying a failing webhook endpoint again (see endpoint-backoff). */
	private Duration maxEndpointBackoff = Duration.ofMinutes(5);

	/** How long this node uses its list of active webhooks before reading it again (changes made elsewhere). */
	private Duration cacheTtl = Duration.ofSeconds(5);

	/**
	 * How long a delivery that has ended (delivered, failed or cancelled) is kept after its last change; then
	 * the hourly {@code webhook-delivery-cleanup} job deletes it. Zero keeps ended deliveries for good.
	 */
	private Duration deliveryRetention = Duration.ofDays(30);

	public String getEncryptionKey() {
		return this.encryptionKey;
	}

	public void setEncryptionKey(String encryptionKey) {
		this.encryptionKey = encryptionKey;
	}

	public List<Duration> getRetrySchedule() {
		return this.retrySchedule;
	}

	public void setRetrySchedule(List<Duration> retrySchedule) {
		this.retrySchedule = retrySchedule;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getThreads() {
		return this.threads;
	}

	public int getTrialThreads() {
		return this.trialThreads;
	}

	public void setTrialThreads(int trialThreads) {
		this.trialThreads = trialThreads;
	}

	public void setThreads(int threads) {
		this.threads = threads;
	}

	public int getPerWebhookConcurrency() {
		return this.perWebhookConcurrency;
	}

	public void setPerWebhookConcurrency(int perWebhookConcurrency) {
		this.perWebhookConcurrency = perWebhookConcurrency;
	}

	public Duration getEndpointBackoff() {
		return this.endpointBackoff;
	}

	public void setEndpointBackoff(Duration endpointBackoff) {
		this.endpointBackoff = endpointBackoff;
	}

	public Duration getMaxEndpointBackoff() {
		return this.maxEndpointBackoff;
	}

	public void setMaxEndpointBackoff(Duration maxEndpointBackoff) {
		this.maxEndpointBackoff = maxEndpointBackoff;
	}

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public Duration getDeliveryRetention() {
		return this.deliveryRetention;
	}

	public void setDeliveryRetention(Duration deliveryRetention) {
		this.deliveryRetention = deliveryRetention;
	}

	/** The wait before a delivery's first attempt: the first entry of the retry schedule. */
	Duration firstDeliveryDelay() {
		return this.retrySchedule.get(0);
	}

	/** When a failed delivery is tried again: the retry schedule's entries after the first. */
	RetryPolicy deliveryRetryPolicy() {
		return RetryPolicy.listed(this.retrySchedule.subList(1, this.retrySchedule.size()));
	}

	/** Whether a key is set; without one, secrets are encrypted with a random key. */
	boolean hasEncryptionKey() {
		return this.encryptionKey != null && !this.encryptionKey.isBlank();
	}

	@Override
	public void afterPropertiesSet() {
		if (hasEncryptionKey() && this.encryptionKey.length() < MIN_ENCRYPTION_KEY_LENGTH) {
			throw new InvalidSettingException(PREFIX + ".encryption-key",
					"is " + this.encryptionKey.length() + " characters long; it must have at least "
							+ MIN_ENCRYPTION_KEY_LENGTH,
					"Set " + PREFIX + ".encryption-key to a random text of at least " + MIN_ENCRYPTION_KEY_LENGTH
							+ " characters, the same on every node, or leave it empty to encrypt webhook secrets "
							+ "with a random key that changes at every start");
		}
		if (this.retrySchedule == null || this.retrySchedule.isEmpty()) {
			throw new InvalidSettingException(PREFIX + ".retry-schedule", "needs at least one duration",
					"Set " + PREFIX + ".retry-schedule to the delays before each attempt, such as 0s,5s,5m");
		}
		InvalidSettingException.requireNoneNegative(PREFIX + ".retry-schedule", this.retrySchedule);
		InvalidSettingException.requirePositive(PREFIX + ".timeout", this.timeout);
		InvalidSettingException.requirePositive(PREFIX + ".interval", this.interval);
		InvalidSettingException.requireAtLeast(PREFIX + ".batch-size", this.batchSize, 1);
		InvalidSettingException.requireAtLeast(PREFIX + ".threads", this.threads, 1);
		InvalidSettingException.requireAtLeast(PREFIX + ".trial-threads", this.trialThreads, 1);
		InvalidSettingException.requireAtLeast(PREFIX + ".per-webhook-concurrency", this.perWebhookConcurrency, 1);
		InvalidSettingException.requireNotNegative(PREFIX + ".delivery-retention", this.deliveryRetention);
	}

}
