package dev.camundahil.api;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camundahil.web.StrictBody;

/**
 * Body of {@code POST /api/v1/actions/{id}/respond}:
 * {@code {"value": <any JSON>, "respondedBy": "...", "comment": "..."}}.
 */
class RespondRequest extends StrictBody {

	/** The answer: any JSON value, required (JSON null is an answer too). */
	public JsonNode value;

	/** Who answered. */
	public String respondedBy;

	/**
	 * What the person said beside the answer, optional; at most {@code hil.security.max-response-value-size} bytes.
	 */
	public String comment;

}
