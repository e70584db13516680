/**
 * The {@code chat} output type: conversations, their live streams (across nodes through PostgreSQL {@code NOTIFY}),
 * the chat API and the public chat page.
 * Uses {@code action}, {@code channel}, {@code links} (signed page links) and {@code web}.
 */
package dev.camundahil.channel.chat;
