package dev.camundahil.metrics;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.camundahil.channel.DispatchBacklog;
import dev.camundahil.webhook.WebhookStatus;

/**
 * What waits to be sent: the dispatch outbox's and the webhook outbox's due rows, the age of the oldest, their
 * failed rows, the webhook endpoints this node backs off from, and how webhook attempts ended. The backlogs are one
 * query per outbox per refresh interval.
 */
class OutboxMeters implements MeterBinder {

	static final String DISPATCH_BACKLOG = "hil.dispatch.backlog";

	static final String DISPATCH_OLDEST_DUE = "hil.dispatch.oldest.due";

	static final String DISPATCH_FAILED = "hil.dispatch.failed";

	static final String WEBHOOK_BACKLOG = "hil.webhook.backlog";

	static final String WEBHOOK_OLDEST_DUE = "hil.webhook.oldest.due";

	static final String WEBHOOK_FAILED = "hil.webhook.failed";

	static final String WEBHOOK_ENDPOINTS_FAILING = "hil.webhook.endpoints.failing";

	static final String WEBHOOK_DELIVERIES = "hil.webhook.deliveries";

	private final DispatchBacklog dispatches;

	private final WebhookStatus webhooks;

	private final CachedQuery<DispatchBacklog.Backlog> dispatchBacklog;

	private final CachedQuery<WebhookStatus.Backlog> webhookBacklog;

	/** @param dispatches the dispatch outbox, null without one; the same for {@code webhooks} */
	OutboxMeters(DispatchBacklog dispatches, WebhookStatus webhooks, Duration refreshInterval) {
		this.dispatches = dispatches;
		this.webhooks = webhooks;
		this.dispatchBacklog = new CachedQuery<>(() -> dispatches.backlog(Instant.now()), refreshInterval,
				new DispatchBacklog.Backlog(0, null, 0));
		this.webhookBacklog = new CachedQuery<>(() -> webhooks.backlog(Instant.now()), refreshInterval,
				new WebhookStatus.Backlog(0, null, 0));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.dispatches != null) {
			Gauge.builder(DISPATCH_BACKLOG, this, (self) -> self.dispatchBacklog.get().due())
				.description("Dispatches (requests, reminders) due and not yet delivered")
				.register(registry);
			Gauge.builder(DISPATCH_OLDEST_DUE, this, (self) -> age(self.dispatchBacklog.get().oldestDue()))
				.description("How long the oldest due dispatch has been waiting; 0 when none is due")
				.baseUnit("seconds")
				.register(registry);
			Gauge.builder(DISPATCH_FAILED, this, (self) -> self.dispatchBacklog.get().failed())
				.description("Dispatches that failed for good")
				.register(registry);
		}
		if (this.webhooks != null) {
			Gauge.builder(WEBHOOK_BACKLOG, this, (self) -> self.webhookBacklog.get().due())
				.description("Webhook deliveries due and not yet sent")
				.register(registry);
			Gauge.builder(WEBHOOK_OLDEST_DUE, this, (self) -> age(self.webhookBacklog.get().oldestDue()))
				.description("How long the oldest due webhook delivery has been waiting; 0 when none is due")
				.baseUnit("seconds")
				.register(registry);
			Gauge.builder(WEBHOOK_FAILED, this, (self) -> self.webhookBacklog.get().failed())
				.description("Webhook deliveries that failed for good and are still kept")
				.register(registry);
			Gauge.builder(WEBHOOK_ENDPOINTS_FAILING, this, (self) -> self.webhooks.backingOff(Instant.now()).size())
				.description("Webhooks whose endpoint failed, which this node backs off from")
				.register(registry);
			for (String outcome : WebhookStatus.OUTCOMES) {
				FunctionCounter.builder(WEBHOOK_DELIVERIES, this.webhooks, (status) -> status.attemptsEnded(outcome))
					.description("Webhook delivery attempts of this node, by how they ended")
					.tag("outcome", outcome)
					.register(registry);
			}
		}
	}

	private static double age(Instant oldestDue) {
		if (oldestDue == null) {
			return 0;
		}
		return Math.max(0, Duration.between(oldestDue, Instant.now()).toMillis() / 1000.0);
	}

}
