package dev.camundahil.action;

/**
 * An extension that cannot be done as asked: a new deadline that is not later than now. Nothing was changed.
 */
public class InvalidExtensionException extends RuntimeException {

	public InvalidExtensionException(String message) {
		super(message);
	}

}
