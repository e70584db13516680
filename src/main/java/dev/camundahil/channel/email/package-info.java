/**
 * The {@code email} output type ({@link dev.camundahil.channel.email.EmailChannel}) and the response pages under
 * {@code /respond/**} that its signed links open; only their POST answers an action.
 */
package dev.camundahil.channel.email;
