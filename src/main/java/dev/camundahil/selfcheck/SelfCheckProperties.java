package dev.camundahil.selfcheck;

import java.time.Duration;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The self-checks: links that reach this application, and waits that lost their other half.
 */
@ConfigurationProperties(prefix = SelfCheckProperties.PREFIX)
public class SelfCheckProperties implements InitializingBean {

	static final String PREFIX = "hil.self-checks";

	private final Links links = new Links();

	private final Waits waits = new Waits();

	public Links getLinks() {
		return this.links;
	}

	public Waits getWaits() {
		return this.waits;
	}

	@Override
	public void afterPropertiesSet() {
		InvalidSettingException.requireAtLeast(PREFIX + ".links.interval", this.links.interval, Duration.ofSeconds(1));
		InvalidSettingException.requireAtLeast(PREFIX + ".links.timeout", this.links.timeout, Duration.ofMillis(1));
		InvalidSettingException.requireAtLeast(PREFIX + ".waits.interval", this.waits.interval, Duration.ofSeconds(1));
		InvalidSettingException.requireAtLeast(PREFIX + ".waits.batch-size", this.waits.batchSize, 1);
		InvalidSettingException.requireNotNegative(PREFIX + ".waits.grace", this.waits.grace);
	}

	/** Whether {@code hil.links.base-url} reaches this application. */
	public static class Links {

		/**
		 * Whether the application fetches {@code hil.links.base-url} + {@code /hil/ping} at start and every
		 * interval, and warns when the answer does not come from this application's cluster.
		 */
		private boolean enabled = true;

		/** How often the links are checked after the check at start. */
		private Duration interval = Duration.ofHours(1);

		/** How long the check waits for an answer. */
		private Duration timeout = Duration.ofSeconds(10);

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

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/** Waits that lost their other half. */
	public static class Waits {

		/**
		 * Whether a recurring check cancels pending actions whose process execution no longer exists and raises an
		 * incident on HIL executions that wait with no pending action.
		 */
		private boolean enabled = true;

		/** How often waits are checked. */
		private Duration interval = Duration.ofHours(1);

		/** How many actions or executions one transaction checks. */
		private int batchSize = 100;

		/** How old a pending action must be before it counts as orphaned. */
		private Duration grace = Duration.ofMinutes(1);

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

		public Duration getGrace() {
			return this.grace;
		}

		public void setGrace(Duration grace) {
			this.grace = grace;
		}

	}

}
