package dev.camundahil.channel.email;

/**
 * An email that did not go out this time, though it may on the next attempt: no mail server configured yet (a
 * restart with {@code spring.mail.host} set sends it while the dispatch still retries), an attachment that could not
 * be read, or a copy the mail server did not take after others went out. The dispatch is retried.
 */
class EmailAttemptException extends RuntimeException {

	EmailAttemptException(String message) {
		super(message);
	}

	EmailAttemptException(String message, Throwable cause) {
		super(message, cause);
	}

}
