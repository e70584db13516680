package dev.camundahil.expiry;

import java.time.Duration;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The expiry of pending actions whose deadline has passed.
 */
@ConfigurationProperties(prefix = ExpiryProperties.PREFIX)
public class ExpiryProperties implements InitializingBean {

	static final String PREFIX = "hil.expiry";

	/** Whether this application expires overdue actions (needs a Quartz scheduler in the application). */
	private boolean enabled = true;

	/** How often overdue actions are looked for; the latest an action expires after its deadline. */
	private Duration interval = Duration.ofSeconds(5);

	/** How many overdue actions one transaction expires. */
	private int batchSize = 100;

	/** How long one run keeps expiring full batches before it yields until the next interval. */
	private Duration maxRunTime = Duration.ofSeconds(30);

	/**
	 * How many batches one node expires at the same time while there is a backlog (PostgreSQL only; other databases
	 * expire one batch at a time).
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

	@Override
	public void afterPropertiesSet() {
		if (!this.enabled) {
			return;
		}
		InvalidSettingException.requireAtLeast(PREFIX + ".batch-size", this.batchSize, 1);
		InvalidSettingException.requireAtLeast(PREFIX + ".parallel-sweeps", this.parallelSweeps, 1);
		InvalidSettingException.requireAtLeast(PREFIX + ".interval", this.interval, Duration.ofMillis(1));
		InvalidSettingException.requireNotNegative(PREFIX + ".max-run-time", this.maxRunTime);
		InvalidSettingException.requireNotNegative(PREFIX + ".retry-delay", this.retryDelay);
	}

}
