/**
 * Email replies: the IMAP poller, its ledger ({@code action_inbound_mail}, {@code action_inbound_mailbox}), matching
 * a reply to its action, and reading the answer.
 * Uses {@code action}, {@code channel} (which action a Message-ID belongs to) and {@code schedule}.
 */
package dev.camundahil.reply;
