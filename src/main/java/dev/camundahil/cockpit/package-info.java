/**
 * The HIL view in Camunda Cockpit: a webapp plugin ({@code hil}) with a tab on the process instance view and a
 * "Human tasks" entry on the dashboard, whose calls Cockpit's own session authenticates. Uses {@code action},
 * {@code channel} ({@code DispatchBacklog}) and {@code webhook} ({@code WebhookStatus}).
 */
package dev.camundahil.cockpit;
