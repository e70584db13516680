package dev.camundahil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HIL plugin, all under the {@code hil} prefix.
 */
@ConfigurationProperties(prefix = HilProperties.PREFIX)
public class HilProperties {

	public static final String PREFIX = "hil";

	/** How long a HIL task waits for a response when the task itself sets no timeout. */
	private Duration defaultTimeout = Duration.ofDays(7);

	private final Schema schema = new Schema();

	private final Expiry expiry = new Expiry();

	private final Dispatch dispatch = new Dispatch();

	private final Chat chat = new Chat();

	private final Mail mail = new Mail();

	private final Links links = new Links();

	private final Reminders reminders = new Reminders();

	private final Webhooks webhooks = new Webhooks();

	private final Security security = new Security();

	public Duration getDefaultTimeout() {
		return this.defaultTimeout;
	}

	public void setDefaultTimeout(Duration defaultTimeout) {
		this.defaultTimeout = defaultTimeout;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public Expiry getExpiry() {
		return this.expiry;
	}

	public Dispatch getDispatch() {
		return this.dispatch;
	}

	public Chat getChat() {
		return this.chat;
	}

	public Mail getMail() {
		return this.mail;
	}

	public Links getLinks() {
		return this.links;
	}

	public Reminders getReminders() {
		return this.reminders;
	}

	public Webhooks getWebhooks() {
		return this.webhooks;
	}

	public Security getSecurity() {
		return this.security;
	}

	public static class Schema {

		/** Whether the plugin migrates its own tables at start-up (with its own Flyway history table). */
		private boolean migrate = true;

		/** Name of the Flyway history table that records the plugin's migrations. */
		private String historyTable = "hil_flyway_schema_history";

		public boolean isMigrate() {
			return this.migrate;
		}

		public void setMigrate(boolean migrate) {
			this.migrate = migrate;
		}

		public String getHistoryTable() {
			return this.historyTable;
		}

		public void setHistoryTable(String historyTable) {
			this.historyTable = historyTable;
		}

	}

	/** The expiry of pending actions whose deadline has passed. */
	public static class Expiry {

		/** Whether this application expires overdue actions (needs a Quartz scheduler in the application). */
		private boolean enabled = true;

		/** How often overdue actions are looked for; the latest an action expires after its deadline. */
		private Duration interval = Duration.ofSeconds(5);

		/** How many overdue actions one transaction expires. */
		private int batchSize = 100;

		/** How long one run keeps expiring full batches before it yields until the next interval. */
		private Duration maxRunTime = Duration.ofSeconds(30);

		/**
		 * How many batches one node expires at the same time while there is a backlog (PostgreSQL only; other
		 * databases expire one batch at a time).
		 */
		private int parallelSweeps = 2;

		/** How long an action whose expiry failed (its instance could not resume) is left out before a retry. */
		private Duration retryDelay = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
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

		public Duration getMaxRunTime() {
			return this.maxRunTime;
		}

		public void setMaxRunTime(Duration maxRunTime) {
			this.maxRunTime = maxRunTime;
		}

		public int getParallelSweeps() {
			return this.parallelSweeps;
		}

		public void setParallelSweeps(int parallelSweeps) {
			this.parallelSweeps = parallelSweeps;
		}

		public Duration getRetryDelay() {
			return this.retryDelay;
		}

		public void setRetryDelay(Duration retryDelay) {
			this.retryDelay = retryDelay;
		}

	}

	/** Delivery of actions on their output channels (outbox, retries). */
	public static class Dispatch {

	}

	/** The chat channel and its page. */
	public static class Chat {

	}

	/** The email channel: outgoing mail and the inbound mailbox for replies. */
	public static class Mail {

	}

	/** Signed links in emails and to the chat page. */
	public static class Links {

		/** Address of this application as people reach it, the start of every link in emails and chat invitations. */
		private String baseUrl = "http://localhost:8080";

		/**
		 * Key that signs links (at least 16 characters). When empty, a random key is used and links stop working
		 * when the application restarts; several nodes must share one key.
		 */
		private String secret;

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

	}

	/** Reminders for actions still pending. */
	public static class Reminders {

	}

	/** Webhook deliveries. */
	public static class Webhooks {

	}

	/** API keys, public paths and input limits. */
	public static class Security {

		/**
		 * API keys accepted in the {@code X-API-Key} header of {@code /api/v1/**}: a comma-separated list of
		 * {@code name:key} or bare {@code key} entries (a bare key is named {@code key-<position>}). The name is
		 * recorded as the user of every change made with the key. When empty, a random key is generated at start
		 * and logged once at WARN.
		 */
		private List<String> apiKeys = new ArrayList<>();

		/**
		 * Paths of the pages humans open from links (chat page, email response pages, their static assets). They
		 * need no API key and check their own signed tokens; every other HIL path needs a key.
		 */
		private List<String> publicPaths = new ArrayList<>(List.of("/chat/**", "/respond/**", "/hil/**"));

		/** Largest request body the HIL API reads; a larger one is refused with 413 before it is parsed. */
		private DataSize maxRequestBodySize = DataSize.ofKilobytes(256);

		/** Largest response value (as serialized JSON) an action takes; a larger one is refused with 413. */
		private DataSize maxResponseValueSize = DataSize.ofKilobytes(64);

		/** Largest email body (text or HTML) the email channel sends or reads. */
		private DataSize maxEmailBodySize = DataSize.ofKilobytes(512);

		/** Largest single email attachment the email channel sends or reads. */
		private DataSize maxAttachmentSize = DataSize.ofMegabytes(10);

		public List<String> getApiKeys() {
			return this.apiKeys;
		}

		public void setApiKeys(List<String> apiKeys) {
			this.apiKeys = apiKeys;
		}

		public List<String> getPublicPaths() {
			return this.publicPaths;
		}

		public void setPublicPaths(List<String> publicPaths) {
			this.publicPaths = publicPaths;
		}

		public DataSize getMaxRequestBodySize() {
			return this.maxRequestBodySize;
		}

		public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
			this.maxRequestBodySize = maxRequestBodySize;
		}

		public DataSize getMaxResponseValueSize() {
			return this.maxResponseValueSize;
		}

		public void setMaxResponseValueSize(DataSize maxResponseValueSize) {
			this.maxResponseValueSize = maxResponseValueSize;
		}

		public DataSize getMaxEmailBodySize() {
			return this.maxEmailBodySize;
		}

		public void setMaxEmailBodySize(DataSize maxEmailBodySize) {
			this.maxEmailBodySize = maxEmailBodySize;
		}

		public DataSize getMaxAttachmentSize() {
			return this.maxAttachmentSize;
		}

		public void setMaxAttachmentSize(DataSize maxAttachmentSize) {
			this.maxAttachmentSize = maxAttachmentSize;
		}

	}

}
