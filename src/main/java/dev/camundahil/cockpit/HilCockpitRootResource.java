package dev.camundahil.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * The root of the plugin's REST resources: one set per process engine, as Cockpit addresses them.
 */
@Path("plugin/" + HilCockpitPlugin.ID)
public class HilCockpitRootResource extends AbstractCockpitPluginRootResource {

	public HilCockpitRootResource() {
		super(HilCockpitPlugin.ID);
	}

	/**
	 * The resources for one engine, made here rather than through the base class's {@code subResource}: it only
	 * hands its argument back, and takes two parameters on Camunda but one on Operaton, so a call to it fails on
	 * one of them.
	 */
	@Path("{engineName}")
	public HilCockpitResource engine(@PathParam("engineName") String engineName) {
		return new HilCockpitResource(engineName);
	}

}
