package dev.camundahil.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code target/bench/results.json}.
 */
record ScenarioResult(String name, long ops, double seconds, double opsPerSecond, Double p50Millis,
		Double p99Millis, Double ratio, String note) {

	static ScenarioResult of(String name, Measurement measurement, boolean latency, Double ratio, String note) {
		return new ScenarioResult(name, measurement.count(), measurement.seconds(), measurement.opsPerSecond(),
				latency ? measurement.percentileMillis(50) : null, latency ? measurement.percentileMillis(99) : null,
				ratio, note);
	}

	/** A throughput-only result: {@code ops} items handled in {@code seconds}. */
	static ScenarioResult throughput(String name, long ops, double seconds, Double ratio, String note) {
		return new ScenarioResult(name, ops, seconds, ops / seconds, null, null, ratio, note);
	}

	Map<String, Object> json() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", this.name);
		row.put("ops", this.ops);
		row.put("seconds", round(this.seconds));
		row.put("ops_per_s", round(this.opsPerSecond));
		row.put("p50_ms", (this.p50Millis != null) ? round(this.p50Millis) : null);
		row.put("p99_ms", (this.p99Millis != null) ? round(this.p99Millis) : null);
		row.put("ratio", (this.ratio != null) ? round(this.ratio) : null);
		if (this.note != null) {
			row.put("note", this.note);
		}
		return row;
	}

	String markdownRow() {
		return "| %s | %d | %.1f | %.1f | %s | %s | %s | %s |".formatted(this.name, this.ops, this.seconds,
				this.opsPerSecond, format(this.p50Millis), format(this.p99Millis), format(this.ratio),
				(this.note != null) ? this.note : "");
	}

	private static String format(Double value) {
		return (value != null) ? "%.2f".formatted(value) : "–";
	}

	private static double round(double value) {
		return Math.round(value * 100.0) / 100.0;
	}

}
