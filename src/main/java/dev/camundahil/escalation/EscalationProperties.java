package dev.camundahil.escalation;

import java.time.Duration;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The escalation of pending actions (the task's {@code escalation} levels, counted from creation).
 */
@ConfigurationProperties(prefix = EscalationProperties.PREFIX)
public class EscalationProperties implements InitializingBean {

	static final String PREFIX = "hil.escalation";

	/** How often due escalation levels are looked for; the latest a level is carried out after its time. */
	private Duration interval = Duration.ofSeconds(30);

	/** How many due escalation levels one sweep carries out. */
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

	@Override
	public void afterPropertiesSet() {
		InvalidSettingException.requireAtLeast(PREFIX + ".batch-size", this.batchSize, 1);
		InvalidSettingException.requireAtLeast(PREFIX + ".interval", this.interval, Duration.ofMillis(1));
	}

}
