package dev.camundahil.channel;

/**
 * An action whose channel arguments cannot be served as they stand, such as a malformed list of reminders. The
 * message says what to change; whoever opened the action (a HIL task) names where it came from.
 */
public class ChannelArgsException extends IllegalArgumentException {

	ChannelArgsException(String message, Throwable cause) {
		super(message, cause);
	}

}
