package dev.camundahil.action;

/**
 * A vote on an action that several approvers decide, from someone who is not one of its approvers. Nothing was
 * recorded.
 */
public class NotAnApproverException extends RuntimeException {

	public NotAnApproverException(String message) {
		super(message);
	}

}
