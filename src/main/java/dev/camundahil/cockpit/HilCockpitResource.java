package dev.camundahil.cockpit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
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
import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.InvalidExtensionException;
import dev.camundahil.action.InvalidReassignmentException;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The plugin's calls for one process engine. Camunda's webapps authenticate them with the Cockpit session and check
 * their CSRF token; reading needs a Cockpit user, acting (cancel, extend, reassign, retry) the admin group
 * ({@code hil.cockpit.admin-group}).
 * Answers are JSON, refusals problem JSON.
 */
public class HilCockpitResource extends AbstractCockpitPluginResource {

	private static final String REASSIGN_EXAMPLE = "{\"to\": [\"bob@example.com\"], \"reason\": \"Ann is away\"}";

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
			operations.cancel(id, userId);
			return ok(Map.of("cancelled", id.toString()));
		});
	}

	/** Body {@code {"by": "P2D"}} or {@code {"expiresAt": "2026-12-24T12:00:00Z"}}, as the REST API takes it. */
	@POST
	@Path("actions/{id}/extend")
	@Consumes(MediaType.APPLICATION_JSON)
	public Response extend(@PathParam("id") String actionId, String body) {
		return act((operations, userId) -> {
			UUID id = uuid(actionId);
			Map<String, Object> request = object(body, "{\"by\": \"P2D\"}");
			ActionRequest extended = operations.extend(id, field(request, "expiresAt"), field(request, "by"), userId);
			return ok(Map.of("expiresAt", extended.getExpiresAt().toString()));
		});
	}

	/**
	 * Body {@code {"to": ["bob@example.com"], "from": ["ann@example.com"], "reason": "Ann is away"}}, as the REST API
	 * takes it; without {@code from} the action passes from all its current recipients.
	 */
	@POST
	@Path("actions/{id}/reassign")
	@Consumes(MediaType.APPLICATION_JSON)
	public Response reassign(@PathParam("id") String actionId, String body) {
		return act((operations, userId) -> {
			UUID id = uuid(actionId);
			Map<String, Object> request = object(body, REASSIGN_EXAMPLE);
			List<ActionRecipient> added = operations.reassign(id, addresses(request, "from"), addresses(request, "to"),
					field(request, "reason"), userId);
			return ok(Map.of("to", added.stream().map(ActionRecipient::address).toList()));
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

	/**
	 * Runs a change for a member of the admin group; what the action service refuses is answered as the REST API
	 * answers it: 400 for a request it cannot use, 404 for an unknown action, 409 for one that no longer waits.
	 */
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
		catch (IllegalArgumentException | InvalidExtensionException | InvalidReassignmentException ex) {
			return problem(400, ex.getMessage());
		}
		catch (ActionNotFoundException ex) {
			return problem(404, ex.getMessage());
		}
		catch (ActionConflictException ex) {
			return problem(409, ex.getMessage());
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

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(String body, String example) {
		try {
			Object read = json.readValue((body != null && !body.isBlank()) ? body : "{}", Object.class);
			if (read instanceof Map<?, ?> map) {
				return (Map<String, Object>) map;
			}
		}
		catch (JsonProcessingException ex) {
			// answered below like any body that is not a JSON object
		}
		throw new IllegalArgumentException("The body must be a JSON object, such as " + example);
	}

	/** A field that lists addresses; none when it is absent. */
	private static List<String> addresses(Map<String, Object> request, String name) {
		Object value = request.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw new IllegalArgumentException("'" + name + "' must be a list of email addresses, such as "
				+ REASSIGN_EXAMPLE);
	}

	private static String field(Map<String, Object> request, String name) {
		Object value = request.get(name);
		return (value != null) ? String.valueOf(value) : null;
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
