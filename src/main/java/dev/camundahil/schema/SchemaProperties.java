package dev.camundahil.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plugin's own tables and their Flyway history.
 */
@ConfigurationProperties(prefix = "hil.schema")
public class SchemaProperties {

	/** Whether the plugin migrates its own tables at start-up (with its own Flyway history table). */
	private boolean migrate = true;

	/** Name of the Flyway history table that records the plugin's migrations. */
	private String historyTable = "hil_flyway_schema_history";

	public boolean isMigrate() {
		return this.migrate;
	}

	public void setMigrate(boolean migrate) {
		this.migrate = migrate;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

}
