package dev.camundahil.metrics;

import java.time.Duration;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plugin's meters.
 */
@ConfigurationProperties(prefix = MetricsProperties.PREFIX)
public class MetricsProperties implements InitializingBean {

	static final String PREFIX = "hil.metrics";

	/** Whether the plugin's meters are added to the application's meter registry. */
	private boolean enabled = true;

	/**
	 * How long the gauges that need a database query (pending actions, dispatch and webhook backlogs) keep a result:
	 * one query per interval for all of them, however often they are scraped.
	 */
	private Duration refreshInterval = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	@Override
	public void afterPropertiesSet() {
		InvalidSettingException.requireNotNegative(PREFIX + ".refresh-interval", this.refreshInterval);
	}

}
