package dev.camundahil.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the attempts of this node ended since it started, by outcome: counts that only grow, for metrics to read.
 */
final class DeliveryTally {

	static final String DELIVERED = "delivered";

	static final String RETRIED = "retried";

	static final String FAILED = "failed";

	static final String CANCELLED = "cancelled";

	static final List<String> OUTCOMES = List.of(DELIVERED, RETRIED, FAILED, CANCELLED);

	private final Map<String, LongAdder> counts = Map.of(DELIVERED, new LongAdder(), RETRIED, new LongAdder(),
			FAILED, new LongAdder(), CANCELLED, new LongAdder());

	void count(String outcome) {
		this.counts.get(outcome).increment();
	}

	long total(String outcome) {
		LongAdder count = this.counts.get(outcome);
		return (count != null) ? count.sum() : 0;
	}

}
