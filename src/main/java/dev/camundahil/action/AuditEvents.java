package dev.camundahil.action;

/**
 * Names of audit entries, as stored in {@code action_audit.event}.
 */
public final class AuditEvents {

	public static final String CREATED = "created";

	public static final String DISPATCHED = "dispatched";

	public static final String DISPATCH_FAILED = "dispatch_failed";

	public static final String COMPLETED = "completed";

	/** The process failed to resume after the answer; a job of the process engine resumes it. */
	public static final String RESUME_FAILED = "resume_failed";

	public static final String EXPIRED = "expired";

	public static final String EXPIRY_FAILED = "expiry_failed";

	public static final String CANCELLED = "cancelled";

	public static final String DELETED = "deleted";

	public static final String REMINDED = "reminded";

	public static final String RESPONSE_REJECTED = "response_rejected";

	private AuditEvents() {
	}

}
