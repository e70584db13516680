package dev.camundahil.channel.email;

import dev.camundahil.channel.PermanentDispatchFailure;

/**
 * An email that cannot be sent as configured, or that the mail server refused for good: no recipients, an attachment
 * that is not there, a body over the limit, an address the server does not know. Trying again cannot help, so the
 * dispatch fails at once; the message says what to change and is recorded with the failed dispatch.
 */
class EmailDispatchException extends PermanentDispatchFailure {

	EmailDispatchException(String message) {
		super(message);
	}

	EmailDispatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
