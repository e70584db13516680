package dev.camundahil.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RecurringWork} until its backlog is drained or its time is up, at most once at a time on this
 * node, so that a backlog never takes more than one of the node's Quartz threads.
 */
class RecurringWorkRunner {

	private static final Logger log = LoggerFactory.getLogger(RecurringWorkRunner.class);

	private final List<RecurringWork> works;

	private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

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
		int handled;
		int total = 0;
		do {
			handled = work.sweep();
			total += handled;
		}
		while (handled >= work.batchSize() && System.nanoTime() < deadline);
		if (total > 0) {
			log.debug("{} handled {} row(s) in {}", work.name(), total, Duration.ofNanos(System.nanoTime() - started));
		}
		if (handled >= work.batchSize()) {
			log.info("{} handled {} row(s) in {} and has more due; it goes on at the next firing", work.name(), total,
					work.maxRunTime());
		}
	}

}
