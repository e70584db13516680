package dev.camundahil.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs a {@link RecurringWork} until its backlog is drained or its time is up, at most once at a time on this
 * node, so that a backlog never takes more than one of the node's Quartz threads. Parallel sweeps of a backlog run
 * in threads of the runner's own, which end a minute after the backlog is drained.
 */
class RecurringWorkRunner {

	private static final Logger log = LoggerFactory.getLogger(RecurringWorkRunner.class);

	private final List<RecurringWork> works;

	private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

	private final ExecutorService helpers = Executors.newCachedThreadPool(daemons());

	RecurringWorkRunner(List<RecurringWork> works) {
		this.works = works;
	}

	void run(String name) {
		RecurringWork work = this.works.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElse(null);
		if (work == null) {
			log.warn("No recurring work named '{}' in this application; its Quartz job does nothing here", name);
			return;
		}
		if (!this.runningHere.add(name)) {
			log.trace("{} is still running on this node; this firing is left out", name);
			return;
		}
		try {
			drain(work);
		}
		finally {
			this.runningHere.remove(name);
		}
	}

	private void drain(RecurringWork work) {
		long started = System.nanoTime();
		long deadline = started + work.maxRunTime().toNanos();
		int first = work.sweep();
		int total = first;
		boolean more = false;
		if (first >= work.batchSize()) {
			int extra = work.sharesBacklog() ? Math.max(0, work.parallelSweeps() - 1) : 0;
			List<Future<Drained>> helping = new ArrayList<>();
			for (int i = 0; i < extra; i++) {
				helping.add(this.helpers.submit(() -> drainUntil(work, deadline)));
			}
			Drained own;
			try {
				own = drainUntil(work, deadline);
			}
			finally {
				// the run ends when its last sweep does, even when this one failed
				for (Future<Drained> helper : helping) {
					Drained drained = await(work, helper);
					total += drained.handled();
					more |= drained.more();
				}
			}
			total += own.handled();
			more |= own.more();
		}
		if (total > 0) {
			log.debug("{} handled {} row(s) in {}", work.name(), total, Duration.ofNanos(System.nanoTime() - started));
		}
		if (more) {
			log.info("{} handled {} row(s) in {} and has more due; it goes on at the next firing", work.name(), total,
					work.maxRunTime());
		}
	}

	private static Drained drainUntil(RecurringWork work, long deadline) {
		int handled;
		int total = 0;
		do {
			handled = work.sweep();
			total += handled;
		}
		while (handled >= work.batchSize() && System.nanoTime() < deadline);
		return new Drained(total, handled >= work.batchSize());
	}

	private static Drained await(RecurringWork work, Future<Drained> helper) {
		try {
			return helper.get();
		}
		catch (ExecutionException ex) {
			log.warn("A parallel sweep of {} failed", work.name(), ex.getCause());
			return new Drained(0, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Drained(0, true);
		}
	}

	private static CustomizableThreadFactory daemons() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("hil-sweep-");
		threads.setDaemon(true);
		return threads;
	}

	/** Stops the threads of parallel sweeps when the application stops. */
	public void close() {
		this.helpers.shutdownNow();
	}

	private record Drained(int handled, boolean more) {
	}

}
