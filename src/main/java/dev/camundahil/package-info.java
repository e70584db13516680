/**
 * camunda-hil: human-in-the-loop tasks for Camunda 7. Holds what every feature shares about its settings, the
 * {@link dev.camundahil.InvalidSettingException} and its start-up report; it uses no feature package.
 */
package dev.camundahil;
