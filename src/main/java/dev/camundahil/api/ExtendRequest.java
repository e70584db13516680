package dev.camundahil.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.camundahil.web.StrictBody;

/**
 * Body of {@code POST /api/v1/actions/{id}/extend}: {@code {"expiresAt": "2026-12-24T12:00:00Z"}} or
 * {@code {"by": "P2D"}}, exactly one of them.
 */
class ExtendRequest extends StrictBody {

	/** The new deadline, an ISO-8601 instant later than now. */
	@Schema(description = "The new deadline, an ISO-8601 date and time with offset, later than now; "
			+ "give this or 'by'", example = "2026-12-24T12:00:00Z")
	public String expiresAt;

	/** How much longer, counted from the current deadline (from now when there is none). */
	@Schema(description = "How much longer, an ISO-8601 duration counted from the current deadline (from now when "
			+ "the action has none); give this or 'expiresAt'", example = "P2D")
	public String by;

}
