package dev.camundahil.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionAudited;
import dev.camundahil.action.ActionEvent;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.PendingFlow;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happens to actions: transitions by event, flow and channel, the time to an answer, dispatches, emails and
 * replies by outcome, and the pending actions of each flow. Counts once the change has committed, so a rolled-back
 * change counts nothing. Until it is bound to a registry it counts nothing either.
 */
class ActionMeters implements MeterBinder {

	static final String ACTIONS = "hil.actions";

	static final String RESPONSE = "hil.actions.response";

	static final String PENDING = "hil.actions.pending";

	static final String DISPATCHES = "hil.dispatches";

	static final String EMAILS_SENT = "hil.emails.sent";

	static final String REPLIES = "hil.replies";

	/** The channel tag of transitions that no answer came through. */
	static final String NO_CHANNEL = "none";

	private static final Map<String, String> REPLY_OUTCOMES = Map.of(AuditEvents.REPLY_ACCEPTED, "applied",
			AuditEvents.REPLY_IGNORED, "ignored", AuditEvents.REPLY_REJECTED, "rejected", AuditEvents.REPLY_LATE,
			"late", AuditEvents.REPLY_FAILED, "failed");

	private final CachedQuery<Map<String, Long>> pending;

	private final Set<String> flowsWithGauge = ConcurrentHashMap.newKeySet();

	/** The channel of the answer this thread recorded last, which the completion that follows it is tagged with. */
	private final ThreadLocal<Answer> lastAnswer = new ThreadLocal<>();

	private volatile MeterRegistry registry;

	ActionMeters(ActionService actions, Duration refreshInterval) {
		this.pending = new CachedQuery<>(() -> {
			Map<String, Long> byFlow = actions.pendingByFlow()
				.stream()
				.collect(Collectors.toMap(PendingFlow::flowId, PendingFlow::pending));
			// flows whose actions another node opened get their gauge here
			byFlow.keySet().forEach(this::gaugePending);
			return byFlow;
		}, refreshInterval, Map.of());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		pendingByFlow().keySet().forEach(this::gaugePending);
	}

	@EventListener
	void on(ActionEvent event) {
		MeterRegistry meters = this.registry;
		if (meters == null) {
			return;
		}
		String flow = event.action().flowId();
		String channel = NO_CHANNEL;
		Answer answer = this.lastAnswer.get();
		if (event.type() == ActionEvent.Type.COMPLETED && answer != null && answer.actionId().equals(event.action().id())) {
			channel = answer.channel();
			this.lastAnswer.remove();
		}
		String name = event.type().value().substring("action.".length());
		String answeredVia = channel;
		afterCommit(() -> {
			meters.counter(ACTIONS, "event", name, "flow", flow, "channel", answeredVia).increment();
			if (event.type() == ActionEvent.Type.CREATED) {
				gaugePending(flow);
			}
			if (event.type() == ActionEvent.Type.COMPLETED && event.action().response() != null
					&& event.action().response().timestamp() != null) {
				Timer.builder(RESPONSE)
					.description("Time from an action's creation to its answer")
					.tags("flow", flow, "channel", answeredVia)
					.register(meters)
					.record(Duration.between(event.action().createdAt(), event.action().response().timestamp()));
			}
		});
	}

	@EventListener
	void on(ActionAudited audited) {
		MeterRegistry meters = this.registry;
		if (meters == null) {
			return;
		}
		ActionAudit entry = audited.entry();
		Map<String, Object> data = entry.getData();
		switch (entry.getEvent()) {
			case AuditEvents.COMPLETED -> this.lastAnswer.set(new Answer(entry.getActionId(), text(data.get("channel"))));
			case AuditEvents.DISPATCHED, AuditEvents.REMINDED, AuditEvents.DISPATCH_FAILED -> {
				String outcome = AuditEvents.DISPATCH_FAILED.equals(entry.getEvent()) ? "failed" : "delivered";
				String channel = text(data.get("channel"));
				String purpose = text(data.get("purpose"));
				boolean email = "email".equals(data.get("outputType")) && "delivered".equals(outcome);
				afterCommit(() -> {
					meters.counter(DISPATCHES, "channel", channel, "purpose", purpose, "outcome", outcome).increment();
					if (email) {
						meters.counter(EMAILS_SENT, "purpose", purpose).increment();
					}
				});
			}
			default -> {
				String outcome = REPLY_OUTCOMES.get(entry.getEvent());
				if (outcome != null) {
					afterCommit(() -> meters.counter(REPLIES, "outcome", outcome).increment());
				}
			}
		}
	}

	private void gaugePending(String flow) {
		MeterRegistry meters = this.registry;
		if (meters != null && this.flowsWithGauge.add(flow)) {
			Gauge.builder(PENDING, this, (self) -> self.pendingByFlow().getOrDefault(flow, 0L))
				.description("Actions waiting for an answer")
				.tags(Tags.of("flow", flow))
				.register(meters);
		}
	}

	private Map<String, Long> pendingByFlow() {
		return this.pending.get();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : NO_CHANNEL;
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

	private record Answer(UUID actionId, String channel) {
	}

}
