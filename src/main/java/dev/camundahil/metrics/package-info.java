/**
 * Micrometer meters of the plugin: what happens to actions, dispatches, replies and webhook deliveries, and gauges
 * of what waits. Meters are {@link io.micrometer.core.instrument.binder.MeterBinder}s, bound to whatever registry
 * the application has. Uses {@code action} (its events), {@code channel} and {@code webhook} (their backlogs).
 */
package dev.camundahil.metrics;
