package dev.camundahil.reply;

/**
 * Where a message lies: its IMAP UID in a mailbox folder, valid while the folder keeps its UID validity.
 */
record MailboxUid(String mailbox, long uidValidity, long uid) {

	/** An id for a message that has no Message-ID of its own. */
	String fallbackMessageId() {
		return this.mailbox + "#" + this.uidValidity + ":" + this.uid;
	}

}
