package dev.camundahil.action;

import java.util.UUID;

/**
 * No action with this id, or only a soft-deleted one.
 */
public class ActionNotFoundException extends RuntimeException {

	public ActionNotFoundException(UUID actionId) {
		super("No action with id " + actionId);
	}

}
