/**
 * Output channels: the {@link dev.camundahil.channel.OutputChannel} SPI, routing, and the dispatch outbox ({@code
 * action_dispatch}) that sends requests and reminders after commit, with retries.
 * Uses {@code action}, {@code bpmn} (its deployment-check SPI), {@code schedule}, {@code retry} and {@code web} (the
 * dispatches API's problem JSON); {@link
 * dev.camundahil.channel.DispatchedMessages} tells others which action a sent message belongs to.
 */
package dev.camundahil.channel;
