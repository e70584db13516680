/**
 * Actions: the request for a human to act, its state machine, recipients, votes, audit trail and events, and the tables
 * that keep them;
 * {@link dev.camundahil.action.ActionService} is the only way in.
 * Uses no other feature package: every other package reads and changes actions through the service and hears of them
 * through {@link dev.camundahil.action.ActionEvent}.
 */
package dev.camundahil.action;
