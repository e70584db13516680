package dev.camundahil.channel;

/**
 * Thrown by an {@link OutputChannel} when trying again cannot help: the receiving side refused the message for good,
 * or the task's arguments do not make a message that can be sent. The dispatch fails at once ({@code
 * dispatch_failed}, {@code action.dispatch_failed}) instead of waiting out the retry schedule, so that an operator
 * hears of it while there is still time to pass the action on. Any other exception is retried.
 */
public class PermanentDispatchFailure extends RuntimeException {

	public PermanentDispatchFailure(String message) {
		super(message);
	}

	public PermanentDispatchFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
