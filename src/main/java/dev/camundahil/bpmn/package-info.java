/**
 * The {@code hilTask} activity: its parse listener and engine plugin, the deployment checks, process variables, and
 * resuming an instance when its action ends.
 * Uses {@code action}; translates what a feature refuses while an action opens into a {@link
 * dev.camundahil.bpmn.HilTaskConfigurationException}.
 */
package dev.camundahil.bpmn;
