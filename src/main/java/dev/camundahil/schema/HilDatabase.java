package dev.camundahil.schema;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The databases the HIL tables live in. Where SQL differs between them, each feature keeps both spellings and picks
 * one by this.
 */
public enum HilDatabase {

	POSTGRESQL, H2;

	/** The name of its migration folders ({@code db/hil/postgresql}). */
	public String vendor() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isPostgres() {
		return this == POSTGRESQL;
	}

	/** The database behind a data source. */
	public static HilDatabase of(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the HIL tables are in", ex);
		}
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("h2")) {
			return H2;
		}
		throw new IllegalStateException("camunda-hil runs on PostgreSQL and H2; this database is " + product);
	}

}
