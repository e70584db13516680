package dev.camundahil.api;

import dev.camundahil.web.StrictBody;

/**
 * Body of {@code POST /api/v1/actions/{id}/cancel}: {@code {"reason": "...", "userId": "..."}}, both optional.
 */
class CancelRequest extends StrictBody {

	public String reason;

	public String userId;

}
