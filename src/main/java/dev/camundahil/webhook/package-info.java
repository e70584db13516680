/**
 * Webhooks: subscriptions managed through {@code /api/v1/webhooks}, and action events delivered to them from an
 * outbox, signed per Standard Webhooks, retried on a schedule, and kept away from non-public addresses.
 */
package dev.camundahil.webhook;
