package dev.camundahil.action;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timestamps at the precision the databases keep (microseconds) and strictly increasing within this JVM, so
 * that audit entries written in one transaction still sort in the order they happened.
 */
public final class Timestamps {

	private static final AtomicLong lastMicros = new AtomicLong();

	private Timestamps() {
	}

	public static Instant now() {
		Instant now = Instant.now();
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
		long next = lastMicros.updateAndGet((last) -> Math.max(last + 1, micros));
		return Instant.EPOCH.plus(next, ChronoUnit.MICROS);
	}

}
