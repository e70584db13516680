/**
 * Who may call the HIL paths: API keys for {@code /api/v1/**}, public pages that check their own signed tokens, and
 * the input limits every request meets before it is read.
 * Uses {@code web} only.
 */
package dev.camundahil.security;
