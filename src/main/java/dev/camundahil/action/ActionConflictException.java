package dev.camundahil.action;

import java.util.UUID;

/**
 * The action is no longer in a state that allows what was asked, usually because another response, the expiry
 * or a cancellation got there first.
 */
public class ActionConflictException extends RuntimeException {

	private final UUID actionId;

	public ActionConflictException(UUID actionId, String message) {
		super(message);
		this.actionId = actionId;
	}

	public UUID getActionId() {
		return this.actionId;
	}

}
