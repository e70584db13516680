package dev.camundahil.action;

import java.util.Optional;

/**
 * The answer an action takes by itself at its deadline, when its task says {@code onTimeout = default}: the action
 * carries it in {@code args.defaultResponse}. Such an answer is given by {@link #RESPONDER} on the channel of the same
 * name, which no person can answer on, so it is always told apart from a person's.
 */
public final class DefaultDecision {

	/** Who gives the default decision, and its channel. */
	public static final String RESPONDER = "timeout";

	static final String ON_TIMEOUT = "onTimeout";

	static final String DEFAULT_RESPONSE = "defaultResponse";

	private DefaultDecision() {
	}

	/** The answer the action takes at its deadline; empty when it expires instead. */
	static Optional<Object> of(ActionRequest action) {
		Object onTimeout = action.getArgs().get(ON_TIMEOUT);
		Object response = action.getArgs().get(DEFAULT_RESPONSE);
		return ("default".equals(onTimeout) && response != null) ? Optional.of(response) : Optional.empty();
	}

	/** Whether the action's answer is its default decision rather than a person's. */
	public static boolean gave(ActionView action) {
		return action.response() != null && RESPONDER.equals(action.response().channel());
	}

	/** Whether the action takes a default decision at its deadline, so that whether it did is worth telling. */
	public static boolean applies(ActionView action) {
		return action.args() != null && "default".equals(action.args().get(ON_TIMEOUT));
	}

}
