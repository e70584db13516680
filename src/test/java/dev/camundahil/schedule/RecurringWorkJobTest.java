package dev.camundahil.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camundahil.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recurring work bean runs in Quartz, in the hil job group, on its interval, and is called again at once while
 * it has a backlog.
 */
@PostgresTest
@Import(RecurringWorkJobTest.Works.class)
class RecurringWorkJobTest {

	@Autowired
	Scheduler scheduler;

	@Autowired
	Works works;

	@Test
	void aBacklogDrainsInOneRun() throws Exception {
		CountingWork hourly = this.works.hourly;
		JobKey job = JobKey.jobKey(hourly.name(), RecurringWorkScheduler.GROUP);
		assertThat(this.scheduler.checkExists(job)).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		// the firing at start, after which the next one is an hour away
		await().atMost(Duration.ofSeconds(20)).until(() -> hourly.sweeps.get() >= 1);
		int sweepsBefore = hourly.sweeps.get();
		hourly.backlog.set(25);

		this.scheduler.triggerJob(job);

		await().atMost(Duration.ofSeconds(20)).until(() -> hourly.backlog.get() == 0);
		assertThat(hourly.sweeps.get() - sweepsBefore).as("sweeps of 10, 10 and 5 in the one run").isEqualTo(3);
	}

	@Test
	void theJobComesAgainOnItsInterval() {
		CountingWork frequent = this.works.frequent;
		int sweepsBefore = frequent.sweeps.get();

		await().atMost(Duration.ofSeconds(20)).until(() -> frequent.sweeps.get() >= sweepsBefore + 5);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Works {

		final CountingWork hourly = new CountingWork("test-hourly", Duration.ofHours(1));

		final CountingWork frequent = new CountingWork("test-frequent", Duration.ofMillis(200));

		@Bean
		CountingWork hourlyWork() {
			return this.hourly;
		}

		@Bean
		CountingWork frequentWork() {
			return this.frequent;
		}

	}

	/** Work with a backlog the test sets; each sweep takes up to a batch of it. */
	static final class CountingWork implements RecurringWork {

		final AtomicInteger backlog = new AtomicInteger();

		final AtomicInteger sweeps = new AtomicInteger();

		private final String name;

		private final Duration interval;

		CountingWork(String name, Duration interval) {
			this.name = name;
			this.interval = interval;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Duration interval() {
			return this.interval;
		}

		@Override
		public int batchSize() {
			return 10;
		}

		@Override
		public int sweep() {
			this.sweeps.incrementAndGet();
			int taken = Math.min(this.backlog.get(), batchSize());
			this.backlog.addAndGet(-taken);
			return taken;
		}

	}

}
