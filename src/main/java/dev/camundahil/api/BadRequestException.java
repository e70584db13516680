package dev.camundahil.api;

/**
 * A request the API refuses as it stands, with a message saying what to change.
 */
class BadRequestException extends RuntimeException {

	BadRequestException(String message) {
		super(message);
	}

}
