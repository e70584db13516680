package example.operatonhost;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.camundahil.contract.ContractHost;
import dev.camundahil.contract.HilTaskContract;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contract of the HIL task on Operaton: this application, started on a port and a database of its own.
 */
class OperatonHilTaskContractTest extends HilTaskContract {

	@Override
	protected ContractHost start(List<String> settings) {
		ConfigurableApplicationContext context = SpringApplication.run(OperatonHostApplication.class,
				Stream.concat(Stream.of("--server.port=0",
						"--spring.datasource.url=jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
						settings.stream())
					.toArray(String[]::new));
		return new ContractHost() {

			@Override
			public int port() {
				return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			}

			@Override
			public void close() {
				context.close();
			}

		};
	}

}
