package dev.camundahil.action;

/**
 * An answer (or another change) came after the action had closed: answered, expired or withdrawn. Carries the action
 * as it is now, so that whoever came late can be told who answered what and when.
 */
public class ActionClosedException extends ActionConflictException {

	private final transient ActionView action;

	public ActionClosedException(ActionView action, String message) {
		super(action.id(), message);
		this.action = action;
	}

	/** The action as it is now, closed. */
	public ActionView getAction() {
		return this.action;
	}

}
