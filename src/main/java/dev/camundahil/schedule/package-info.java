/**
 * Quartz scheduling of the plugin's recurring work: one job per concern ({@link
 * dev.camundahil.schedule.RecurringWork}), each sweeping in small batches; among them the expiry of overdue actions.
 * Uses {@code action} (expiry claims overdue actions through {@link dev.camundahil.action.ActionService}) and {@code
 * bpmn} (resuming expired instances together).
 */
package dev.camundahil.schedule;
