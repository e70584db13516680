/**
 * The actions REST API under {@code /api/v1/actions} and the problem JSON of the failures of actions, among them
 * the 409 that tells a late answer how the action ended ({@code hil.api}).
 * Uses {@code action} (through {@link dev.camundahil.action.ActionService}) and {@code web}.
 */
package dev.camundahil.api;
