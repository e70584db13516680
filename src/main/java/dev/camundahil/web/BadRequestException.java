package dev.camundahil.web;

/**
 * A request a HIL endpoint refuses as it stands, with a message saying what to change.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
