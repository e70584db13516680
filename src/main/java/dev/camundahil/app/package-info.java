/**
 * The standalone application: a Spring Boot app with the plugin, a logging channel, and the processes it deploys
 * from a directory.
 * Uses any feature package; nothing uses it.
 */
package dev.camundahil.app;
