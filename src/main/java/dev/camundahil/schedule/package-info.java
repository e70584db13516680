/**
 * Quartz scheduling of the plugin's recurring work: one job per concern ({@link dev.camundahil.schedule.RecurringWork}),
 * each sweeping its own table in small batches. Uses Quartz only; features that sweep declare their work as beans.
 */
package dev.camundahil.schedule;
