package dev.camundahil.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

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

	public static class Expiry {

		/** How often overdue actions are looked for; the latest an action expires after its deadline. */
		private Duration interval = Duration.ofSeconds(5);

		/** How many overdue actions one transaction expires. */
		private int batchSize = 100;

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

	}

	/** Reminders for actions still pending. */
	public static class Reminders {

	}

	/** Webhook deliveries. */
	public static class Webhooks {

	}

	/** API keys, tokens and input limits. */
	public static class Security {

	}

}
