package dev.camundahil.app;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs, once the app is ready, where a person finds it and which database it uses.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final DataSource dataSource;

	private final Environment environment;

	StartupReport(DataSource dataSource, Environment environment) {
		this.dataSource = dataSource;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080")
				+ this.environment.getProperty("server.servlet.context-path", "");
		String admin = this.environment.getProperty("camunda.bpm.admin-user.id", "demo");
		log.info("""

				  camunda-hil is ready
				    App (chat pages, API):  {}/
				    Camunda Cockpit:        {}/camunda/app/cockpit/  (user '{}')
				    Camunda Tasklist:       {}/camunda/app/tasklist/
				    API docs (Swagger UI):  {}/swagger-ui.html
				    HIL REST API:           {}/api/v1/actions
				    Camunda REST API:       {}/engine-rest
				    Database:               {}
				""", base, base, admin, base, base, base, base, database());
	}

	private String database() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + meta.getURL();
		}
		catch (SQLException ex) {
			return "unreachable (" + ex.getMessage() + ")";
		}
	}

}
