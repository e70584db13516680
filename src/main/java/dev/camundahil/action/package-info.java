/**
 * Actions: the request for a human to act, its state machine (pending to completed, expired or cancelled), its
 * audit trail and the events it publishes. {@link dev.camundahil.action.ActionService} is the entry point.
 */
package dev.camundahil.action;
