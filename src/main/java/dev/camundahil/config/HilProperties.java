package dev.camundahil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camundahil.bpmn.VariablesMode;

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

	/**
	 * How a HIL task hands its outcome to the process when the task's own 'variables' parameter says nothing:
	 * 'separate' (hilState while waiting, then hilActionId, hilStatus, hilResponse, hilRespondedBy) or 'lean' (no
	 * variable while waiting, then one JSON variable, 'hil' or the task's resultVariable).
	 */
	private VariablesMode variables = VariablesMode.SEPARATE;

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

	public VariablesMode getVariables() {
		return this.variables;
	}

	public void setVariables(VariablesMode variables) {
		this.variables = variables;
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

		/**
		 * Waits between delivery attempts of one message: after the first attempt fails the next comes after the first
		 * duration, and so on; after the last one the dispatch has failed. So {@code 5s,30s} means three attempts.
		 */
		private List<Duration> retrySchedule = new ArrayList<>(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1)));

		/** How often due retries, and messages a crashed node left undelivered, are looked for. */
		private Duration interval = Duration.ofSeconds(5);

		/** How many due messages one sweep claims and delivers. */
		private int batchSize = 20;

		/** Threads that deliver messages right after their action commits. */
		private int workers = 4;

		/**
		 * Messages waiting in memory for a worker; beyond that they wait in the table, and the workers read them back
		 * once they have worked off the queue.
		 */
		private int queueCapacity = 1000;

		/**
		 * How long a node may take to deliver a message it claimed before another node may try it again; longer than
		 * the slowest channel's timeout.
		 */
		private Duration lease = Duration.ofMinutes(5);

		public List<Duration> getRetrySchedule() {
			return this.retrySchedule;
		}

		public void setRetrySchedule(List<Duration> retrySchedule) {
			this.retrySchedule = retrySchedule;
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

		public int getWorkers() {
			return this.workers;
		}

		public void setWorkers(int workers) {
			this.workers = workers;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

	}

	/** The chat channel and its page. */
	public static class Chat {

		/** How long a chat page link stays valid after it is issued. */
		private Duration linkLifetime = Duration.ofHours(24);

		/** How long one live stream stays open; browsers reconnect by themselves when it ends. */
		private Duration streamTimeout = Duration.ofMinutes(30);

		/** How often an open stream gets a heartbeat comment, so proxies keep it open and dead ones are noticed. */
		private Duration heartbeatInterval = Duration.ofSeconds(15);

		/** Most live streams open at once on this node; more are refused with 503. */
		private int maxStreams = 1000;

		/** Most live streams open at once for one session on this node; more are refused with 503. */
		private int maxStreamsPerSession = 20;

		/** How many questions (newest) a conversation shows, with their answers. */
		private int historySize = 200;

		/** Largest message body the public chat page may post; a larger one is refused with 413. */
		private DataSize maxMessageSize = DataSize.ofKilobytes(16);

		/**
		 * Whether streams hear of changes made on other nodes of the same PostgreSQL database (LISTEN/NOTIFY on
		 * channel {@code hil_chat}; each web node keeps one pooled connection listening). Used on PostgreSQL only; a
		 * single node may switch it off.
		 */
		private boolean crossNodeStreams = true;

		public Duration getLinkLifetime() {
			return this.linkLifetime;
		}

		public void setLinkLifetime(Duration linkLifetime) {
			this.linkLifetime = linkLifetime;
		}

		public Duration getStreamTimeout() {
			return this.streamTimeout;
		}

		public void setStreamTimeout(Duration streamTimeout) {
			this.streamTimeout = streamTimeout;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public int getMaxStreams() {
			return this.maxStreams;
		}

		public void setMaxStreams(int maxStreams) {
			this.maxStreams = maxStreams;
		}

		public int getMaxStreamsPerSession() {
			return this.maxStreamsPerSession;
		}

		public void setMaxStreamsPerSession(int maxStreamsPerSession) {
			this.maxStreamsPerSession = maxStreamsPerSession;
		}

		public int getHistorySize() {
			return this.historySize;
		}

		public void setHistorySize(int historySize) {
			this.historySize = historySize;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public boolean isCrossNodeStreams() {
			return this.crossNodeStreams;
		}

		public void setCrossNodeStreams(boolean crossNodeStreams) {
			this.crossNodeStreams = crossNodeStreams;
		}

	}

	/** The email channel: outgoing mail and the inbound mailbox for replies. */
	public static class Mail {

		/** Sender address of HIL emails; its domain also ends every generated {@code Message-ID}. */
		private String from = "camunda-hil@localhost";

		/** Reply-To of HIL emails: the mailbox that {@code hil.mail.inbound.*} reads. Replies go to From when empty. */
		private String replyTo;

		/** Whether the Reply-To carries the action id as a plus-address ({@code hil+<id>@example.com}). */
		private boolean replyToPlusAddress = false;

		/** Directory that file attachments are read from; file attachments are refused while it is empty. */
		private String attachmentDir;

		/**
		 * Directory with templates that replace the built-in ones ({@code email.html}, {@code respond.html});
		 * {@code classpath:hil/templates/} is looked at after it.
		 */
		private String templateDir;

		/**
		 * How long an SMTP connection stays open after an email for the next one to use. Opening a connection per
		 * email (TCP, greeting, EHLO, any STARTTLS and login) limits a dispatch worker to a few dozen emails a
		 * second. Keep it below the server's own idle timeout (RFC 5321 suggests five minutes); zero opens a
		 * connection per email.
		 */
		private Duration connectionIdleTimeout = Duration.ofSeconds(30);

		/** How many emails one SMTP connection carries before a new one is opened; some servers limit it. */
		private int maxEmailsPerConnection = 100;

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getReplyTo() {
			return this.replyTo;
		}

		public void setReplyTo(String replyTo) {
			this.replyTo = replyTo;
		}

		public boolean isReplyToPlusAddress() {
			return this.replyToPlusAddress;
		}

		public void setReplyToPlusAddress(boolean replyToPlusAddress) {
			this.replyToPlusAddress = replyToPlusAddress;
		}

		public String getAttachmentDir() {
			return this.attachmentDir;
		}

		public void setAttachmentDir(String attachmentDir) {
			this.attachmentDir = attachmentDir;
		}

		public String getTemplateDir() {
			return this.templateDir;
		}

		public void setTemplateDir(String templateDir) {
			this.templateDir = templateDir;
		}

		public Duration getConnectionIdleTimeout() {
			return this.connectionIdleTimeout;
		}

		public void setConnectionIdleTimeout(Duration connectionIdleTimeout) {
			this.connectionIdleTimeout = connectionIdleTimeout;
		}

		public int getMaxEmailsPerConnection() {
			return this.maxEmailsPerConnection;
		}

		public void setMaxEmailsPerConnection(int maxEmailsPerConnection) {
			this.maxEmailsPerConnection = maxEmailsPerConnection;
		}

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

	/** Reminders for actions still pending (the task's {@code reminder} durations, counted from creation). */
	public static class Reminders {

		/** How often due reminders are looked for; the latest a reminder goes out after its time. */
		private Duration interval = Duration.ofSeconds(30);

		/** How many due reminders one sweep claims and sends. */
		private int batchSize = 50;

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

	}

	/** Webhook subscriptions and their signed deliveries. */
	public static class Webhooks {

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
