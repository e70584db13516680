package dev.camundahil.schedule;

import java.time.Duration;

/**
 * A concern that sweeps its own table for due rows on a fixed interval: expiring actions, retrying dispatches,
 * delivering webhooks. Declare one as a bean and the scheduler runs it in Quartz (one job per concern, in the
 * {@code hil} job group).
 * <p>
 * A sweep handles one small batch in transactions of its own and returns how many rows it handled; while a sweep
 * returns a full batch, the job calls it again at once, up to {@link #maxRunTime()}, so a backlog drains without
 * waiting for the next interval. A node never has two runs of the same work going at once.
 */
public interface RecurringWork {

	/** A stable name, used as the Quartz job name. */
	String name();

	/** How often to look for due rows. */
	Duration interval();

	/** The batch size; a sweep that handles this many is called again at once. */
	int batchSize();

	/** Handles at most one batch of due rows and returns how many it handled. */
	int sweep();

	/** How long one run may keep calling {@link #sweep()} before it yields until the next interval. */
	default Duration maxRunTime() {
		return Duration.ofSeconds(30);
	}

	/**
	 * Whether runs on several nodes may overlap. Only for work that claims its rows so that two sweeps never take
	 * the same one (PostgreSQL's {@code FOR UPDATE SKIP LOCKED}): a run that outlasts the interval, or a node that
	 * hangs in a slow row, then does not hold the others back. Otherwise (the default) Quartz runs the work on one
	 * node at a time in the whole cluster.
	 */
	default boolean sharesBacklog() {
		return false;
	}

	/**
	 * How many sweeps one run makes at the same time while there is a backlog (work that
	 * {@linkplain #sharesBacklog() shares its backlog} only): sweeps spend most of their time waiting for the
	 * database, so a second one drains a backlog nearly twice as fast.
	 */
	default int parallelSweeps() {
		return 1;
	}

}
