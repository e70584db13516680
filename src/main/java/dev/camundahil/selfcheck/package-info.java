/**
 * Self-checks: whether the links the plugin sends reach this application ({@code /hil/ping}), and waits that lost
 * their other half (pending actions whose execution is gone, HIL executions without a pending action).
 * Uses {@code action}, {@code links} (its signed tokens) and {@code schedule}.
 */
package dev.camundahil.selfcheck;
