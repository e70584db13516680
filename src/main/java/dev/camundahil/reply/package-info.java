/**
 * Email replies: the IMAP poller, its ledger ({@code action_inbound_mail}, {@code action_inbound_mailbox}), matching
 * a reply to its action, reading the answer and its comment, and the messages owed to late repliers
 * ({@code action_late_reply_notice}).
 * Uses {@code action}, {@code channel} (which action a Message-ID belongs to), {@code schedule}, {@code i18n} (the
 * messages' language) and {@code retry}.
 */
package dev.camundahil.reply;
