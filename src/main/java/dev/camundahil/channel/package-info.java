/**
 * Output channels: the {@link dev.camundahil.channel.OutputChannel} SPI, routing of output types to channel beans,
 * and the dispatch outbox that delivers requests and reminders after commit, with retries.
 */
package dev.camundahil.channel;
