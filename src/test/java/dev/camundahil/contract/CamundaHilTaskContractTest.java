package dev.camundahil.contract;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import dev.camundahil.support.HostApplication;
import dev.camundahil.support.HostApplication.OptionalPart;
import example.plainhost.PlainHostApplication;

/**
 * The contract of the HIL task on Camunda 7: a Camunda Spring Boot application with the plugin, Camunda's REST
 * API, and neither Spin nor any other optional part of the plugin.
 */
class CamundaHilTaskContractTest extends HilTaskContract {

	@Override
	protected ContractHost start(List<String> settings) throws Exception {
		HostApplication host = HostApplication.start(PlainHostApplication.class, EnumSet.allOf(OptionalPart.class),
				Stream.concat(Stream.of("--spring.flyway.locations=classpath:example/plainhost/db"), settings.stream())
					.toArray(String[]::new));
		return new ContractHost() {

			@Override
			public int port() {
				return host.port();
			}

			@Override
			public void close() throws Exception {
				host.close();
			}

		};
	}

}
