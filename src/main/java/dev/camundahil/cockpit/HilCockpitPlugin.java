package dev.camundahil.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin {@value #ID}, found by Camunda's webapps through {@code META-INF/services}: its REST resources
 * under {@code /camunda/api/cockpit/plugin/hil/{engine}/}, and its script {@code plugin-webapp/hil/app/plugin.js}.
 */
public class HilCockpitPlugin extends AbstractCockpitPlugin {

	public static final String ID = "hil";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(HilCockpitRootResource.class);
	}

}
