/**
 * The languages HIL speaks to people: the message bundles under {@code hil/i18n/} (the {@code hilMessages} message
 * source), the default language and time zone, and dates written for a reader. Uses no other feature package;
 * the channels, their pages and the email replies use it.
 */
package dev.camundahil.i18n;
