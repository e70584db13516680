package dev.camundahil.action;

/**
 * A response the action cannot take, such as a value outside its expected options.
 */
public class InvalidResponseException extends RuntimeException {

	public InvalidResponseException(String message) {
		super(message);
	}

}
