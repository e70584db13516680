/**
 * Webhooks: subscriptions under {@code /api/v1/webhooks} and their tables, and action events delivered to them from
 * an outbox, signed per Standard Webhooks, retried, and kept away from non-public addresses.
 * Uses {@code action} (its events), {@code schedule}, {@code web} and {@code retry}.
 */
package dev.camundahil.webhook;
