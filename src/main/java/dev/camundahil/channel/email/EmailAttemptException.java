package dev.camundahil.channel.email;

import dev.camundahil.channel.PartlySent;

/**
 * An email that did not go out this time, though it may on the next attempt: no mail server configured yet (a
 * restart with {@code spring.mail.host} set sends it while the dispatch still retries), an attachment that could not
 * be read, or a copy the mail server did not take after others went out. The dispatch is retried.
 */
class EmailAttemptException extends RuntimeException implements PartlySent {

	private final String sentMessageId;

	EmailAttemptException(String message) {
		this(message, null, null);
	}

	EmailAttemptException(String message, Throwable cause) {
		this(message, cause, null);
	}

	/** @param sentMessageId the Message-ID of the copies that went out before this one failed */
	EmailAttemptException(String message, Throwable cause, String sentMessageId) {
		super(message, cause);
		this.sentMessageId = sentMessageId;
	}

	@Override
	public String sentMessageId() {
		return this.sentMessageId;
	}

}
