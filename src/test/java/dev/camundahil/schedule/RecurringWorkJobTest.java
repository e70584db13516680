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

/**
 * A recurring work bean runs in Quartz, in the hil job group, and is called again at once while it has a backlog.
 */
@PostgresTest
@Import(RecurringWorkJobTest.Work.class)
class RecurringWorkJobTest {

	@Autowired
	Scheduler scheduler;

	@Autowired
	CountingWork work;

	@Test
	void aBacklogDrainsInOneRunAndTheJobKeepsComing() throws Exception {
		assertThat(this.scheduler.checkExists(JobKey.jobKey("test-counting", RecurringWorkScheduler.GROUP))).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		int runsBefore = this.work.runs.get();
		this.work.backlog.set(25);

		long deadline = System.currentTimeMillis() + 20_000;
		while (this.work.runs.get() < runsBefore + 10 && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}

		assertThat(this.work.backlog.get()).isZero();
		assertThat(this.work.runs.get()).isGreaterThanOrEqualTo(runsBefore + 10);
	}

	@TestConfiguration
	static class Work {

		@Bean
		CountingWork countingWork() {
			return new CountingWork();
		}

	}

	static class CountingWork implements RecurringWork {

		final AtomicInteger backlog = new AtomicInteger();

		final AtomicInteger runs = new AtomicInteger();

		@Override
		public String name() {
			return "test-counting";
		}

		@Override
		public Duration interval() {
			return Duration.ofMillis(200);
		}

		@Override
		public int batchSize() {
			return 10;
		}

		@Override
		public int sweep() {
			this.runs.incrementAndGet();
			int before = this.backlog.get();
			int taken = Math.min(before, batchSize());
			this.backlog.addAndGet(-taken);
			return taken;
		}

	}

}
