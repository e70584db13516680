/**
 * When failed work is tried again: {@link dev.camundahil.retry.RetryPolicy} and its small implementations, shared by
 * the dispatch outbox and the webhook deliveries. Uses no feature package, so that every feature may use it.
 */
package dev.camundahil.retry;
