package dev.camundahil.channel.email;

import dev.camundahil.channel.PartlySent;
import dev.camundahil.channel.PermanentDispatchFailure;

/**
 * An email that cannot be sent as configured, or that the mail server refused for good: no recipients, an attachment
 * that is not there, a body over the limit, an address the server does not know. Trying again cannot help, so the
 * dispatch fails at once; the message says what to change and is recorded with the failed dispatch.
 */
class EmailDispatchException extends PermanentDispatchFailure implements PartlySent {

	private final String sentMessageId;

	EmailDispatchException(String message) {
		this(message, null, null);
	}

	EmailDispatchException(String message, Throwable cause) {
		this(message, cause, null);
	}

	/** @param sentMessageId the Message-ID of the copies that went out before this one failed */
	EmailDispatchException(String message, Throwable cause, String sentMessageId) {
		super(message, cause);
		this.sentMessageId = sentMessageId;
	}

	@Override
	public String sentMessageId() {
		return this.sentMessageId;
	}

}
