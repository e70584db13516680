/**
 * Escalation: the levels of the task parameter {@code escalation}, scheduled in their own table when an action opens
 * and carried out by a recurring sweep, once each even with several nodes. Uses {@code action} to add the people of
 * a level (the channels send them the request) and {@code schedule} to run.
 */
package dev.camundahil.escalation;
