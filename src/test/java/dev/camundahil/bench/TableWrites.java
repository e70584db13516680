package dev.camundahil.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows inserted, updated and deleted so far in the benchmark's database (outside Quartz's own tables), from
 * PostgreSQL's table statistics: how much a cycle writes, counted the same way on any machine.
 */
final class TableWrites {

	/** A busy backend reports its counts at most once a second, an idle one within ten seconds. */
	private static final long REPORT_DELAY_MILLIS = 11_000;

	private TableWrites() {
	}

	static long total(JdbcTemplate jdbc) throws InterruptedException {
		Thread.sleep(REPORT_DELAY_MILLIS);
		Long rows = jdbc.queryForObject("SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables "
				+ "WHERE relname NOT LIKE 'qrtz%'", Long.class);
		return (rows != null) ? rows : 0;
	}

	/** Rows written per operation between two totals. */
	static double perOperation(long before, long after, int operations) {
		return (after - before) / (double) operations;
	}

}
