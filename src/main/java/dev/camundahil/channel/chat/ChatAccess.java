package dev.camundahil.channel.chat;

import dev.camundahil.links.SignedTokens;

/**
 * What a chat link opens: its verdict, and the person it was issued for, whose name every answer through it carries
 * ({@code null} for a link for whoever holds it).
 */
record ChatAccess(SignedTokens.Verdict verdict, String user) {

	static final ChatAccess INVALID = new ChatAccess(SignedTokens.Verdict.INVALID, null);

}
