package dev.camundahil.action;

/**
 * A reassignment that cannot be done as asked: nobody to pass the action to, an address that is no address, or a
 * person to remove who is not a recipient. Nothing was changed.
 */
public class InvalidReassignmentException extends RuntimeException {

	public InvalidReassignmentException(String message) {
		super(message);
	}

}
