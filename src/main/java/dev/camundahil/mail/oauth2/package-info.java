/**
 * OAuth2 (SASL {@code XOAUTH2}) logins to company mailboxes, for sending ({@code hil.mail.oauth2}) and for reading
 * replies ({@code hil.mail.inbound.oauth2}), and the {@code hil.mail.provider} defaults for Microsoft 365 and Google.
 * Uses {@code reply} and {@code channel.email} only for their login hooks ({@code MailboxLogin}, {@code SmtpLogin});
 * Spring Security's OAuth2 client is optional.
 */
package dev.camundahil.mail.oauth2;
