package dev.camundahil.schedule;

import org.quartz.DisallowConcurrentExecution;

/**
 * The Quartz job of a {@link RecurringWork} that runs on one node at a time in the whole cluster. Quartz reads that
 * from the job's class, and keeps the class name in its tables, so this stays a class (and a name) of its own.
 */
@DisallowConcurrentExecution
public class RecurringWorkJob extends SharedRecurringWorkJob {

	/** Created by Spring's job factory, which autowires the constructor. */
	RecurringWorkJob(RecurringWorkRunner runner) {
		super(runner);
	}

}
