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

	@Path("{engineName}")
	public HilCockpitResource engine(@PathParam("engineName") String engineName) {
		return subResource(new HilCockpitResource(engineName), engineName);
	}

}
