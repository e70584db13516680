package example.plainhost;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Camunda Spring Boot application as many are written, with the plugin added as one dependency: Camunda's REST
 * API, Spring MVC, JDBC, Flyway migrations of its own, and no Spring Security.
 */
@SpringBootApplication
public class PlainHostApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainHostApplication.class, args);
	}

	/** A Quartz job of the application's own, in its own group of the application's scheduler. */
	@Bean
	JobDetail nightlyReport() {
		return JobBuilder.newJob(NightlyReport.class).withIdentity("nightly", "reports").storeDurably().build();
	}

	@Bean
	Trigger nightlyReportTrigger(JobDetail nightlyReport) {
		return TriggerBuilder.newTrigger()
			.forJob(nightlyReport)
			.withIdentity("nightly", "reports")
			.withSchedule(SimpleScheduleBuilder.repeatHourlyForever(24))
			.startAt(Date.from(Instant.parse("2100-01-01T00:00:00Z")))
			.build();
	}

	public static class NightlyReport implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	@RestController
	static class GreetingController {

		private final JdbcTemplate jdbc;

		private final Scheduler scheduler;

		GreetingController(JdbcTemplate jdbc, Scheduler scheduler) {
			this.jdbc = jdbc;
			this.scheduler = scheduler;
		}

		/** The Quartz jobs of the application's scheduler, as group.name. */
		@GetMapping("/jobs")
		List<String> jobs() throws SchedulerException {
			return this.scheduler.getJobKeys(GroupMatcher.anyJobGroup()).stream().map(Object::toString).sorted().toList();
		}

		/** Read from the table of the application's own migration. */
		@GetMapping("/hello")
		String hello() {
			return this.jdbc.queryForObject("SELECT text FROM greeting", String.class);
		}

		/** JSON of the application's own, written with the application's own Jackson settings. */
		@GetMapping("/greeting")
		Greeting greeting() {
			return new Greeting(hello(), Instant.parse("2026-01-02T03:04:05Z"));
		}

		/** The migrations in the history of the application's own Flyway, without Flyway's row for the table. */
		@GetMapping("/migrations")
		List<String> migrations() {
			return this.jdbc.queryForList("SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"type\" <> 'TABLE' "
					+ "ORDER BY \"installed_rank\"", String.class);
		}

	}

	record Greeting(String greetingText, Instant sentAt) {
	}

}
