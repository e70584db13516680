package dev.camundahil.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders for actions still pending (the task's {@code reminder} durations, counted from creation).
 */
@ConfigurationProperties(prefix = "hil.reminders")
public class ReminderProperties {

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
