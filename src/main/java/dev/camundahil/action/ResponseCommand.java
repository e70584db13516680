package dev.camundahil.action;

/**
 * A human's answer to an action.
 *
 * @param value the answer, any JSON value
 * @param respondedBy who answered, as the caller states it
 * @param userId the authenticated principal that sent it, recorded in the audit (may be null)
 * @param channel where the answer came from, such as {@code api}, {@code chat} or {@code email}
 * @param idempotencyKey a caller's key that makes a retry return the first result (may be null)
 * @param comment what the person said beside the answer (may be null), kept with it
 */
public record ResponseCommand(Object value, String respondedBy, String userId, String channel, String idempotencyKey,
		String comment) {

	public ResponseCommand {
		comment = (comment == null || comment.isBlank()) ? null : comment.strip();
	}

	/** An answer without a comment. */
	public ResponseCommand(Object value, String respondedBy, String userId, String channel, String idempotencyKey) {
		this(value, respondedBy, userId, channel, idempotencyKey, null);
	}

	public static ResponseCommand of(Object value, String respondedBy) {
		return new ResponseCommand(value, respondedBy, null, "api", null);
	}

}
