package dev.camundahil.expiry;

/**
 * Settings of the expiry tests: a sweep every 200 ms, a short retry delay, and a Quartz cluster of their own, so
 * that their trigger fires in their own application contexts only (other test contexts of the same JVM run their
 * own sweeps on the same tables, which the tests tolerate like any other node).
 */
final class ExpiryTestSettings {

	static final String INTERVAL = "hil.expiry.interval=200ms";

	static final String RETRY_DELAY = "hil.expiry.retry-delay=2s";

	static final String SCHEDULER = "spring.quartz.scheduler-name=hil-expiry-tests";

	private ExpiryTestSettings() {
	}

}
