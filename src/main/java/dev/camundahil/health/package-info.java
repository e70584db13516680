/**
 * Actuator health of the plugin, in the contributor {@code hil}: outbound mail, the reply mailbox, the dispatch and
 * webhook outboxes. Uses {@code channel} and {@code channel.email} ({@code DispatchBacklog}, {@code SmtpLogin}),
 * {@code reply} ({@code MailboxPolls}) and {@code webhook} ({@code WebhookStatus}).
 */
package dev.camundahil.health;
