package dev.camundahil.action;

import java.util.UUID;

/**
 * The waiting process instance threw while it resumed after its action ended: a later step of the process failed.
 * The cause is the engine's exception.
 */
public class ProcessResumeException extends RuntimeException {

	private final UUID actionId;

	public ProcessResumeException(UUID actionId, String processInstanceId, RuntimeException cause) {
		super("Process instance " + processInstanceId + " failed to resume after action " + actionId + " ended: "
				+ cause.getMessage(), cause);
		this.actionId = actionId;
	}

	public UUID getActionId() {
		return this.actionId;
	}

}
