/**
 * The actions REST API under {@code /api/v1/actions} and the problem JSON of the failures of actions.
 * Uses {@code action} (through {@link dev.camundahil.action.ActionService}) and {@code web}.
 */
package dev.camundahil.api;
