package dev.camundahil.channel.email;

/**
 * An email that cannot be sent as configured: no recipients, an unreadable attachment, a body over the limit.
 * The message says what to change; it is recorded with the failed dispatch.
 */
class EmailDispatchException extends RuntimeException {

	EmailDispatchException(String message) {
		super(message);
	}

	EmailDispatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
