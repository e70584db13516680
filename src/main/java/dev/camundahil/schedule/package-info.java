/**
 * Quartz scheduling of the plugin's recurring work: one job per concern ({@link dev.camundahil.schedule.RecurringWork}),
 * each sweeping its own table in small batches; among them the expiry of overdue actions.
 */
package dev.camundahil.schedule;
