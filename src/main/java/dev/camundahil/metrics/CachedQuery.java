package dev.camundahil.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result of a query, run again at most once per interval however many gauges read it, so that a scrape costs
 * one query per source and none while the result is fresh. When the query fails, the last result stays.
 */
final class CachedQuery<T> {

	private static final Logger log = LoggerFactory.getLogger(CachedQuery.class);

	private final Supplier<T> query;

	private final long intervalNanos;

	private T value;

	private long loadedAt;

	private boolean loaded;

	CachedQuery(Supplier<T> query, Duration interval, T initial) {
		this.query = query;
		this.intervalNanos = interval.toNanos();
		this.value = initial;
	}

	synchronized T get() {
		long now = System.nanoTime();
		if (!this.loaded || now - this.loadedAt >= this.intervalNanos) {
			this.loadedAt = now;
			this.loaded = true;
			try {
				this.value = this.query.get();
			}
			catch (RuntimeException ex) {
				log.debug("A metrics query failed; its gauges keep the last result", ex);
			}
		}
		return this.value;
	}

}
