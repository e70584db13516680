package dev.camundahil.schema;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link HilSchema} initializes the database, so that JPA, Quartz and everything else that
 * needs tables at start-up waits for it.
 */
class HilSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * After the application's own Flyway migration (whose initializers come in order 1): on a new database that
	 * Flyway refuses a schema that already holds tables without its history, such as the plugin's.
	 */
	static final int ORDER = 2;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(HilSchema.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
