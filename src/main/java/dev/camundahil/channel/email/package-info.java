/**
 * The {@code email} output type ({@link dev.camundahil.channel.email.EmailChannel}) and the response pages under
 * {@code /respond/**} that its signed links open; only their POST answers an action. Owns the table
 * {@code action_email_copy}: the copies of an email that went out for a dispatch row, so that a retry sends only the
 * rest.
 * Uses {@code action}, {@code channel}, {@code bpmn} (its deployment-check SPI), {@code links} and {@code i18n} (the
 * language of emails and pages).
 */
package dev.camundahil.channel.email;
