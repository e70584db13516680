package dev.camundahil.api;

/**
 * Body of {@code POST /api/v1/actions/{id}/cancel}: {@code {"reason": "...", "userId": "..."}}, both optional.
 */
class CancelRequest extends StrictBody {

	public String reason;

	public String userId;

}
