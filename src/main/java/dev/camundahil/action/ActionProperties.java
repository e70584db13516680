package dev.camundahil.action;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of actions as a whole, directly under the {@code hil} prefix.
 */
@ConfigurationProperties(prefix = ActionProperties.PREFIX)
public class ActionProperties {

	public static final String PREFIX = "hil";

	/** How long a HIL task waits for a response when the task itself sets no timeout. */
	private Duration defaultTimeout = Duration.ofDays(7);

	public Duration getDefaultTimeout() {
		return this.defaultTimeout;
	}

	public void setDefaultTimeout(Duration defaultTimeout) {
		this.defaultTimeout = defaultTimeout;
	}

}
