/**
 * The expiry of overdue actions: a recurring sweep that expires pending actions whose deadline has passed, and its
 * settings. Uses {@code action} to expire them, {@code bpmn} to resume their instances and {@code schedule} to run.
 */
package dev.camundahil.expiry;
