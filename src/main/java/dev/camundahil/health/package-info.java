/**
 * Actuator health of the plugin, in the contributor {@code hil}: outbound mail, the reply mailbox, the dispatch and
 * webhook outboxes, the last check of lost waits. Uses {@code channel} and {@code channel.email} ({@code DispatchBacklog}, {@code SmtpLogin}),
 * {@code reply} ({@code MailboxPolls}), {@code webhook} ({@code WebhookStatus}) and {@code selfcheck}
 * ({@code LostWaits}).
 */
package dev.camundahil.health;
