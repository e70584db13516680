package dev.camundahil.webhook;

import java.time.Duration;
import java.time.Instant;

import dev.camundahil.action.Timestamps;
import dev.camundahil.schedule.RecurringWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes webhook deliveries that ended longer than {@code hil.webhooks.delivery-retention} ago, so that the outbox
 * does not keep a row for every event forever. Pending deliveries are never touched, however old.
 */
class EndedDeliveryCleanup implements RecurringWork {

	private static final Logger log = LoggerFactory.getLogger(EndedDeliveryCleanup.class);

	private static final Duration INTERVAL = Duration.ofHours(1);

	private static final int BATCH_SIZE = 1000;

	private final WebhookDeliveries store;

	private final Duration retention;

	EndedDeliveryCleanup(WebhookDeliveries store, Duration retention) {
		this.store = store;
		this.retention = retention;
	}

	@Override
	public String name() {
		return "webhook-delivery-cleanup";
	}

	@Override
	public Duration interval() {
		return INTERVAL;
	}

	@Override
	public int batchSize() {
		return BATCH_SIZE;
	}

	@Override
	public int sweep() {
		if (this.retention.isZero()) {
			return 0;
		}
		Instant before = Timestamps.now().minus(this.retention);
		int deleted = this.store.deleteEndedBefore(before, BATCH_SIZE);
		if (deleted > 0) {
			log.info("Deleted {} webhook deliveries that ended before {} (hil.webhooks.delivery-retention {})",
					deleted, before, this.retention);
		}
		return deleted;
	}

}
