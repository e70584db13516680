package dev.camundahil.bench;

import java.util.Arrays;

/**
 * Latencies of one run of a scenario, in nanoseconds, and its wall time.
 */
final class Measurement {

	private final long[] latencies;

	private int count;

	private long wallNanos;

	Measurement(int capacity) {
		this.latencies = new long[capacity];
	}

	synchronized void record(long nanos) {
		if (this.count < this.latencies.length) {
			this.latencies[this.count++] = nanos;
		}
	}

	synchronized void copyTo(Measurement other) {
		for (int i = 0; i < this.count; i++) {
			other.record(this.latencies[i]);
		}
	}

	void wall(long nanos) {
		this.wallNanos = nanos;
	}

	int count() {
		return this.count;
	}

	double seconds() {
		return this.wallNanos / 1e9;
	}

	double opsPerSecond() {
		return this.count / seconds();
	}

	double percentileMillis(double percentile) {
		long[] sorted = Arrays.copyOf(this.latencies, this.count);
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

}
