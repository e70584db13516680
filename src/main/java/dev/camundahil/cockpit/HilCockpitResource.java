package dev.camundahil.cockpit;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionNotFoundException;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The plugin's calls for one process engine. Camunda's webapps authenticate them with the Cockpit session and check
 * their CSRF token; reading needs a Cockpit user, acting the admin group ({@code hil.cockpit.admin-group}).
 * Answers are JSON, refusals problem JSON.
 */
public class HilCockpitResource extends AbstractCockpitPluginResource {

	private static final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	public HilCockpitResource(String engineName) {
		super(engineName);
	}

	@GET
	@Path("process-instance/{id}")
	public Response processInstance(@PathParam("id") String processInstanceId) {
		return read((operations, mayAct) -> {
			Map<String, Object> body = operations.processInstance(processInstanceId);
			body.put("mayAct", mayAct);
			return ok(body);
		});
	}

	@GET
	@Path("dashboard")
	public Response dashboard() {
		return read((operations, mayAct) -> {
			Map<String, Object> body = operations.dashboard();
			body.put("mayAct", mayAct);
			return ok(body);
		});
	}

	@POST
	@Path("actions/{id}/cancel")
	public Response cancel(@PathParam("id") String actionId) {
		return act((operations, userId) -> {
			UUID id = uuid(actionId);
			try {
				operations.cancel(id, userId);
				return ok(Map.of("cancelled", id.toString()));
			}
			catch (ActionNotFoundException ex) {
				return problem(404, "No action " + id);
			}
			catch (ActionConflictException ex) {
				return problem(409, ex.getMessage());
			}
		});
	}

	@POST
	@Path("dispatches/{id}/retry")
	public Response retryDispatch(@PathParam("id") String dispatchId) {
		return act((operations, userId) -> switch (operations.retryDispatch(uuid(dispatchId))) {
			case RETRYING -> ok(Map.of("retrying", dispatchId));
			case NOT_FOUND -> problem(404, "No dispatch " + dispatchId);
			case NOT_FAILED -> problem(409, "Only a failed dispatch can be retried");
			case ACTION_CLOSED -> problem(409, "The action no longer waits for an answer; nothing is sent for it");
		});
	}

	@POST
	@Path("webhooks/{webhookId}/deliveries/{deliveryId}/retry")
	public Response retryDelivery(@PathParam("webhookId") String webhookId,
			@PathParam("deliveryId") String deliveryId) {
		return act((operations, userId) -> {
			try {
				return operations.retryDelivery(uuid(webhookId), deliveryId) ? ok(Map.of("retrying", deliveryId))
						: problem(404, "Webhook " + webhookId + " has no delivery " + deliveryId);
			}
			catch (IllegalStateException ex) {
				return problem(409, ex.getMessage());
			}
		});
	}

	private Response read(Reading reading) {
		CockpitOperations operations = CockpitBridge.of(getProcessEngine());
		Authentication user = getCurrentAuthentication();
		if (operations == null) {
			return problem(404, "The HIL view is not available for this process engine");
		}
		if (user == null) {
			return problem(401, "Log in to Cockpit");
		}
		return reading.run(operations, operations.mayAct(user.getGroupIds()));
	}

	private Response act(Acting acting) {
		CockpitOperations operations = CockpitBridge.of(getProcessEngine());
		Authentication user = getCurrentAuthentication();
		if (operations == null) {
			return problem(404, "The HIL view is not available for this process engine");
		}
		if (user == null) {
			return problem(401, "Log in to Cockpit");
		}
		if (!operations.mayAct(user.getGroupIds())) {
			return problem(403, "Only members of the HIL admin group may do this");
		}
		try {
			return acting.run(operations, user.getUserId());
		}
		catch (IllegalArgumentException ex) {
			return problem(400, ex.getMessage());
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a UUID");
		}
	}

	private static Response ok(Object body) {
		return Response.ok(write(body), MediaType.APPLICATION_JSON_TYPE).build();
	}

	private static Response problem(int status, String detail) {
		return Response.status(status)
			.type("application/problem+json")
			.entity(write(Map.of("status", status, "detail", detail)))
			.build();
	}

	private static String write(Object body) {
		try {
			return json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the HIL view's answer as JSON", ex);
		}
	}

	@FunctionalInterface
	private interface Reading {

		Response run(CockpitOperations operations, boolean mayAct);

	}

	@FunctionalInterface
	private interface Acting {

		Response run(CockpitOperations operations, String userId);

	}

}
