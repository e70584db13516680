package dev.camundahil.reply;

import java.time.Duration;
import java.time.Instant;

/**
 * How the polls of the reply mailbox went on this node, for health checks: when one last read the mailbox, and when
 * and why one last failed.
 */
public interface MailboxPolls {

	/** Whether replies are read at all ({@code hil.mail.inbound.enabled}). */
	boolean enabled();

	/** How often the mailbox is read. */
	Duration pollInterval();

	/** When a poll of this node last read the mailbox; null when none has. */
	Instant lastSuccess();

	/** When a poll of this node last failed to read it; null when none has. */
	Instant lastFailure();

	/** Why that poll failed; null when none has. */
	String lastError();

}
