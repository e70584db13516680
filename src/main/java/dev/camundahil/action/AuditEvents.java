package dev.camundahil.action;

import java.util.Set;

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

	/** The deadline passed and the action took its default decision ({@code onTimeout = default}). */
	public static final String DEFAULTED = "defaulted";

	public static final String EXPIRY_FAILED = "expiry_failed";

	public static final String CANCELLED = "cancelled";

	public static final String DELETED = "deleted";

	/** The action's process execution no longer existed; the action was cancelled. */
	public static final String ORPHANED = "orphaned";

	public static final String REMINDED = "reminded";

	/** The action passed from some recipients to others, by a reassignment or a recipient's delegation. */
	public static final String REASSIGNED = "reassigned";

	/** The deadline of a pending action moved. */
	public static final String EXTENDED = "extended";

	/** An escalation level came due: its people were added to the action. */
	public static final String ESCALATED = "escalated";

	/** An approver voted on an action that several approvers decide. */
	public static final String VOTED = "voted";

	public static final String RESPONSE_REJECTED = "response_rejected";

	/** An email reply answered the action. */
	public static final String REPLY_ACCEPTED = "reply_accepted";

	/** An email reply was not taken: not from a recipient, empty, unreadable or too large. */
	public static final String REPLY_REJECTED = "reply_rejected";

	/** An email reply came after the action had ended. */
	public static final String REPLY_LATE = "reply_late";

	/** An automatic reply (an out-of-office notice, say) was left alone. */
	public static final String REPLY_IGNORED = "reply_ignored";

	/** Handling an email reply failed; it may be tried again. */
	public static final String REPLY_FAILED = "reply_failed";

	static final Set<String> REPLIES = Set.of(REPLY_ACCEPTED, REPLY_REJECTED, REPLY_LATE, REPLY_IGNORED, REPLY_FAILED);

	private AuditEvents() {
	}

}
