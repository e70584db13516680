package dev.camundahil.action;

import java.util.UUID;

/**
 * An approver voted on an action they have voted on already: each person's vote counts once, and the first stands.
 */
public class AlreadyVotedException extends ActionConflictException {

	public AlreadyVotedException(UUID actionId, String message) {
		super(actionId, message);
	}

}
