package dev.camundahil.health;

import java.time.Duration;

import dev.camundahil.InvalidSettingException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the plugin's health checks call a part unwell.
 */
@ConfigurationProperties(prefix = HealthProperties.PREFIX)
public class HealthProperties implements InitializingBean {

	static final String PREFIX = "hil.health";

	/** How long the outcome of connecting to the outbound mail server (connect and NOOP) is reused. */
	private Duration mailCheckInterval = Duration.ofMinutes(1);

	/** How many poll intervals of the reply mailbox may pass after a failed poll before it is down. */
	private int mailboxMissedPolls = 3;

	/** How long the oldest due dispatch (request or reminder) may wait before the dispatch outbox is down. */
	private Duration dispatchMaxDelay = Duration.ofMinutes(5);

	/** How long the oldest due webhook delivery may wait before webhooks are down. */
	private Duration webhookMaxDelay = Duration.ofMinutes(15);

	public Duration getMailCheckInterval() {
		return this.mailCheckInterval;
	}

	public void setMailCheckInterval(Duration mailCheckInterval) {
		this.mailCheckInterval = mailCheckInterval;
	}

	public int getMailboxMissedPolls() {
		return this.mailboxMissedPolls;
	}

	public void setMailboxMissedPolls(int mailboxMissedPolls) {
		this.mailboxMissedPolls = mailboxMissedPolls;
	}

	public Duration getDispatchMaxDelay() {
		return this.dispatchMaxDelay;
	}

	public void setDispatchMaxDelay(Duration dispatchMaxDelay) {
		this.dispatchMaxDelay = dispatchMaxDelay;
	}

	public Duration getWebhookMaxDelay() {
		return this.webhookMaxDelay;
	}

	public void setWebhookMaxDelay(Duration webhookMaxDelay) {
		this.webhookMaxDelay = webhookMaxDelay;
	}

	@Override
	public void afterPropertiesSet() {
		InvalidSettingException.requireNotNegative(PREFIX + ".mail-check-interval", this.mailCheckInterval);
		InvalidSettingException.requireAtLeast(PREFIX + ".mailbox-missed-polls", this.mailboxMissedPolls, 1);
		InvalidSettingException.requireNotNegative(PREFIX + ".dispatch-max-delay", this.dispatchMaxDelay);
		InvalidSettingException.requireNotNegative(PREFIX + ".webhook-max-delay", this.webhookMaxDelay);
	}

}
