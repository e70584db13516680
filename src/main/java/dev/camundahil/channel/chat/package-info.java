/**
 * The {@code chat} output type: conversations, their live streams (across nodes through PostgreSQL {@code NOTIFY}),
 * the chat API and the public chat page.
 * Uses {@code action}, {@code channel}, {@code links} (signed page links), {@code web} and {@code i18n} (the page's
 * language).
 */
package dev.camundahil.channel.chat;
