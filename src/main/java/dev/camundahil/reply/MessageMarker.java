package dev.camundahil.reply;

import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Marks the handled messages of a batch seen, or moves them to {@code hil.mail.inbound.move-to}, in one command:
 * the ledger already keeps them from being read twice, so the mark is for the people who read the mailbox and may
 * wait for the end of the batch.
 */
final class MessageMarker {

	private final InboundMailProperties properties;

	/** Whether the folder handled messages are moved to is known to exist. */
	private boolean moveTargetExists;

	MessageMarker(InboundMailProperties properties) {
		this.properties = properties;
	}

	void mark(Folder folder, List<Message> processed) throws MessagingException {
		if (processed.isEmpty()) {
			return;
		}
		Message[] batch = processed.toArray(Message[]::new);
		if (this.properties.getAfterProcessing() == InboundMailProperties.AfterProcessing.MOVE) {
			Folder target = folder.getStore().getFolder(this.properties.getMoveTo());
			if (!this.moveTargetExists && !target.exists()) {
				target.create(Folder.HOLDS_MESSAGES);
			}
			try {
				folder.copyMessages(batch, target);
				this.moveTargetExists = true;
			}
			catch (MessagingException ex) {
				this.moveTargetExists = false; // someone may have deleted it: look again next time
				throw ex;
			}
			folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
		}
		else {
			folder.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
		}
	}

}
