package dev.camundahil.channel;

/**
 * Implemented by an exception an {@link OutputChannel} throws after part of a message went out, such as the copies to
 * some of several recipients. The Message-ID those parts carry is recorded with the dispatch at once, so that a reply
 * to one of them finds its action, and a reminder joins their thread, while the rest is retried or has failed.
 */
public interface PartlySent {

	/** The Message-ID of the parts that went out; null when none did. */
	String sentMessageId();

}
