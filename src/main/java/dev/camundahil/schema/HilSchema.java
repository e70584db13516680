package dev.camundahil.schema;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The plugin's own tables: migrated up with Flyway under a history table of their own (so the host's
 * Flyway history is never touched), and down again with the scripts in {@code db/hil-down/{vendor}}.
 */
public class HilSchema {

	private static final Logger log = LoggerFactory.getLogger(HilSchema.class);

	private final DataSource dataSource;

	private final String historyTable;

	private final String vendor;

	public HilSchema(DataSource dataSource, String historyTable) {
		this(dataSource, HilDatabase.of(dataSource), historyTable);
	}

	public HilSchema(DataSource dataSource, HilDatabase database, String historyTable) {
		this.dataSource = dataSource;
		this.historyTable = historyTable;
		this.vendor = database.vendor();
	}

	/** Applies every migration not yet applied. */
	public void up() {
		MigrateResult result = Flyway.configure()
			.dataSource(this.dataSource)
			.table(this.historyTable)
			.locations("classpath:db/hil/" + this.vendor)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		log.info("HIL schema on {} is at version {} ({} migration(s) applied now)", this.vendor,
				result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
				result.migrationsExecuted);
	}

	/** Drops the plugin's tables, newest migration first, and forgets their history. */
	public void down() {
		Resource[] scripts = downScripts();
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
		Arrays.stream(scripts)
			.sorted(Comparator.comparingInt(HilSchema::versionOf).reversed())
			.forEach(populator::addScript);
		populator.execute(this.dataSource);
		// Flyway creates its history table with a quoted name, so it is dropped by that exact name.
		new JdbcTemplate(this.dataSource).execute("DROP TABLE IF EXISTS \"" + this.historyTable + "\"");
		log.info("HIL schema on {} dropped ({} down script(s))", this.vendor, scripts.length);
	}

	public String vendor() {
		return this.vendor;
	}

	private Resource[] downScripts() {
		try {
			return new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/hil-down/" + this.vendor + "/V*__*.sql");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the HIL down migrations", ex);
		}
	}

	private static int versionOf(Resource script) {
		String name = script.getFilename();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

}
