package dev.camundahil.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN file of the process directory ({@code processes/} by default) at start-up. Unchanged files
 * are not deployed again, so restarts do not pile up process definition versions.
 */
@Component
class ProcessDirectoryDeployer {

	private static final Logger log = LoggerFactory.getLogger(ProcessDirectoryDeployer.class);

	private final RepositoryService repositoryService;

	private final Path directory;

	ProcessDirectoryDeployer(RepositoryService repositoryService,
			@Value("${hil.app.processes-dir:processes}") Path directory) {
		this.repositoryService = repositoryService;
		this.directory = directory;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void deploy() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			log.info("No process directory at {}; nothing to deploy from it", this.directory.toAbsolutePath());
			return;
		}
		List<Path> files;
		try (Stream<Path> found = Files.list(this.directory)) {
			files = found.filter((file) -> file.getFileName().toString().endsWith(".bpmn")).sorted().toList();
		}
		if (files.isEmpty()) {
			return;
		}
		DeploymentBuilder deployment = this.repositoryService.createDeployment()
			.name("camunda-hil processes")
			.source(this.directory.toAbsolutePath().toString())
			.enableDuplicateFiltering(true);
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				deployment.addInputStream(file.getFileName().toString(), in);
			}
		}
		Deployment deployed = deployment.deploy();
		log.info("Deployed {} process file(s) from {} (deployment {})", files.size(), this.directory.toAbsolutePath(),
				deployed.getId());
	}

}
