package dev.camundahil.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows inserted, updated and deleted so far in the benchmark's database (outside Quartz's own tables), table by
 * table, from PostgreSQL's table statistics: how much a cycle writes, counted the same way on any machine.
 */
final class TableWrites {

	/** A busy backend reports its counts at most once a second, an idle one within ten seconds. */
	private static final long REPORT_DELAY_MILLIS = 11_000;

	private final Map<String, Long> rows;

	private TableWrites(Map<String, Long> rows) {
		this.rows = rows;
	}

	static TableWrites now(JdbcTemplate jdbc) throws InterruptedException {
		Thread.sleep(REPORT_DELAY_MILLIS);
		Map<String, Long> rows = new HashMap<>();
		jdbc.query("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS written FROM pg_stat_user_tables "
				+ "WHERE relname NOT LIKE 'qrtz%'", (row) -> {
					rows.put(row.getString("relname"), row.getLong("written"));
				});
		return new TableWrites(rows);
	}

	/** Rows written in all tables, the rest of the database's activity included. */
	long total() {
		return this.rows.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * What each of a number of operations wrote since an earlier count: "N rows written per cycle (table n, …)",
	 * the tables with the most rows first.
	 */
	String since(TableWrites before, int operations) {
		double total = (total() - before.total()) / (double) operations;
		String tables = this.rows.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(),
					(entry.getValue() - before.rows.getOrDefault(entry.getKey(), 0L)) / (double) operations))
			.filter((entry) -> entry.getValue() >= 0.05)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map((entry) -> "%s %.1f".formatted(entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
		return "%.1f rows written per cycle (%s)".formatted(total, tables);
	}

}
