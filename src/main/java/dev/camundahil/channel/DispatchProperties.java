package dev.camundahil.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camundahil.InvalidSettingException;
import dev.camundahil.retry.RetryPolicy;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of actions on their output channels (outbox, retries).
 */
@ConfigurationProperties(prefix = DispatchProperties.PREFIX)
public class DispatchProperties implements InitializingBean {

	static final String PREFIX = "hil.dispatch";

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
	 * How long a node may take to deliver a message it claimed before another node may try it again; longer than the
	 * slowest channel's timeout.
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

	/** When a failed message is tried again: after the n-th failed attempt, the n-th wait of the schedule. */
	RetryPolicy retryPolicy() {
		return RetryPolicy.listed(this.retrySchedule);
	}

	@Override
	public void afterPropertiesSet() {
		InvalidSettingException.requireNoneNegative(PREFIX + ".retry-schedule", this.retrySchedule);
	}

}
