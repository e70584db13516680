package dev.camundahil.action;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person an action is addressed to, with links of their own. A recipient that a reassignment removed is kept,
 * with when and to whom the action passed, so that their links can say so.
 *
 * @param id what the recipient's links name
 * @param actionId the action
 * @param address the person's address, as the task or the reassignment gave it
 * @param addedBy who added them by a reassignment, {@value #ESCALATION} for a level of the task's escalation;
 * {@code null} for the task's own recipients
 * @param reason why the reassignment that added them passed the action on (may be null)
 * @param createdAt when they became a recipient
 * @param removedAt when a reassignment removed them; {@code null} while their links answer
 * @param passedTo to whom the action passed when they were removed
 */
public record ActionRecipient(UUID id, UUID actionId, String address, String addedBy, String reason, Instant createdAt,
		Instant removedAt, List<String> passedTo) {

	/** What {@code addedBy} says of the people an escalation level added. */
	public static final String ESCALATION = "escalation";

	public ActionRecipient {
		passedTo = (passedTo != null) ? List.copyOf(passedTo) : List.of();
	}

	/** Whether a level of the task's escalation added them, rather than the task or a person. */
	public boolean isEscalated() {
		return ESCALATION.equals(this.addedBy);
	}

	/** Whether their links still answer (while the action is pending). */
	public boolean isActive() {
		return this.removedAt == null;
	}

}
