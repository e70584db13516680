package dev.camundahil.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.camundahil.web.StrictBody;

/**
 * Body of {@code POST /api/v1/actions/{id}/reassign}:
 * {@code {"from": ["ann@example.com"], "to": ["bob@example.com"], "reason": "..."}}.
 */
class ReassignRequest extends StrictBody {

	/** The recipients who no longer answer; empty or absent for all current ones. */
	@Schema(description = "Recipients who no longer answer; empty or absent for all current ones",
			example = "[\"ann@example.com\"]")
	public List<String> from;

	/** The people who answer from now on, at least one. */
	@Schema(description = "People who answer from now on, at least one", example = "[\"bob@example.com\"]",
			requiredMode = Schema.RequiredMode.REQUIRED)
	public List<String> to;

	/** Why, kept in the audit and sent with the webhook. */
	@Schema(description = "Why, kept in the audit and sent with the action.reassigned webhook", example = "Ann is away")
	public String reason;

}
