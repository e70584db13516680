package dev.camundahil.cockpit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.beans.factory.DisposableBean;

/**
 * Hands the plugin's resources, which Camunda's webapps create outside the application context, the operations of
 * the application whose process engine a request is for.
 */
final class CockpitBridge implements DisposableBean {

	private static final Map<ProcessEngine, CockpitOperations> operations = new ConcurrentHashMap<>();

	private final ProcessEngine engine;

	CockpitBridge(ProcessEngine engine, CockpitOperations operations) {
		this.engine = engine;
		CockpitBridge.operations.put(engine, operations);
	}

	/** The operations for this engine; null where the plugin's view is off. */
	static CockpitOperations of(ProcessEngine engine) {
		return operations.get(engine);
	}

	@Override
	public void destroy() {
		operations.remove(this.engine);
	}

}
