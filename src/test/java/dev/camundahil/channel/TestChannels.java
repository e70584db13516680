package dev.camundahil.channel;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camundahil.action.ActionEvent;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Custom channels as an application declares them, and a recorder of the events the actions publish.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestChannels {

	@Bean
	RecordingChannel recordingChannel() {
		return new RecordingChannel();
	}

	@Bean
	FlakyChannel flakyChannel() {
		return new FlakyChannel();
	}

	@Bean
	LedgerChannel ledgerChannel() {
		return new LedgerChannel();
	}

	@Bean
	EventRecorder eventRecorder() {
		return new EventRecorder();
	}

	/** Keeps every message and answers with a message id and a ticket number. */
	static class RecordingChannel implements OutputChannel {

		final Queue<ChannelMessage> received = new ConcurrentLinkedQueue<>();

		@Override
		public String type() {
			return "custom";
		}

		@Override
		public DispatchReceipt dispatch(ChannelMessage message) {
			this.received.add(message);
			return new DispatchReceipt("<" + message.action().id() + "@recording.test>", Map.of("ticket", "T-" + this.received.size()));
		}

		List<ChannelMessage> of(UUID actionId) {
			return this.received.stream().filter((message) -> message.action().id().equals(actionId)).toList();
		}

	}

	/**
	 * Fails as many times per action as the task's {@code failTimes} argument says, then delivers; refuses for good
	 * on every call when its {@code refuse} argument is true.
	 */
	static class FlakyChannel implements OutputChannel {

		final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

		final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();

		/** The outbox row each call was for, by action. */
		final Map<UUID, List<UUID>> dispatchIds = new ConcurrentHashMap<>();

		@Override
		public String type() {
			return "custom";
		}

		@Override
		public DispatchReceipt dispatch(ChannelMessage message) throws Exception {
			UUID id = message.action().id();
			this.dispatchIds.computeIfAbsent(id, (key) -> new CopyOnWriteArrayList<>())
				.add(message.dispatchId());
			int call = this.calls.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			if (Boolean.parseBoolean(String.valueOf(message.args().get("refuse")))) {
				throw new PermanentDispatchFailure("the receiver does not know this ticket queue (call " + call + ")");
			}
			if (call <= Integer.parseInt(String.valueOf(message.args().getOrDefault("failTimes", "0")))) {
				throw new java.io.IOException("receiver down (call " + call + ")");
			}
			this.deliveries.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			return DispatchReceipt.delivered();
		}

	}

	/** Writes only to the database, so it is called inside the transaction that opens the action. */
	static class LedgerChannel implements OutputChannel {

		final Map<UUID, Boolean> calledInTransaction = new ConcurrentHashMap<>();

		final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

		@Override
		public String type() {
			return "custom";
		}

		@Override
		public boolean deliversInTransaction() {
			return true;
		}

		@Override
		public DispatchReceipt dispatch(ChannelMessage message) {
			UUID id = message.action().id();
			this.calledInTransaction.merge(id, TransactionSynchronizationManager.isActualTransactionActive(),
					Boolean::logicalAnd);
			int call = this.calls.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			if (Boolean.parseBoolean(String.valueOf(message.args().get("refuse")))) {
				throw new PermanentDispatchFailure("the ledger is closed for this account (call " + call + ")");
			}
			if (call <= Integer.parseInt(String.valueOf(message.args().getOrDefault("failTimes", "0")))) {
				throw new IllegalStateException("ledger locked (call " + call + ")");
			}
			return DispatchReceipt.withMessageId("ledger-" + message.action().id());
		}

	}

	static class EventRecorder {

		final Queue<ActionEvent> events = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(ActionEvent event) {
			this.events.add(event);
		}

		List<ActionEvent.Type> typesOf(UUID actionId) {
			return this.events.stream().filter((event) -> event.action().id().equals(actionId)).map(ActionEvent::type).toList();
		}

	}

}
