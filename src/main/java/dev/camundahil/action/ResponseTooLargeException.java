package dev.camundahil.action;

/**
 * A response value larger than the configured limit ({@code hil.security.max-response-value-size}).
 */
public class ResponseTooLargeException extends InvalidResponseException {

	public ResponseTooLargeException(String message) {
		super(message);
	}

}
