package dev.camundahil.config;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link HilSchema} initializes the database, so that JPA, Quartz and everything else that
 * needs tables at start-up waits for it.
 */
class HilSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(HilSchema.class);
	}

}
