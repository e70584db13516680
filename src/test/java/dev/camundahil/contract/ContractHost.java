package dev.camundahil.contract;

/**
 * A running application with the plugin and an engine in it, as the contract tests see it: a port that serves the
 * engine's REST API at {@code /engine-rest} and the HIL API at {@code /api/v1}.
 */
public interface ContractHost extends AutoCloseable {

	int port();

}
