package dev.camundahil.channel.chat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import dev.camundahil.i18n.HilTexts;
import dev.camundahil.links.SignedTokens;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The chat page, {@code /chat/{sessionId}?token=...}: an HTML page in the reader's language whose script reads the
 * conversation with the token, so the page itself carries no data. The language is that of the session's newest
 * chat question naming one, else the browser's {@code Accept-Language}, else {@code hil.default-locale}. Without a
 * valid token it is a plain 403 page.
 */
@Controller
@Hidden
class ChatPageController {

	/** Scripts, styles and connections from this application only; no inline script can run. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final ChatConversations conversations;

	private final HilTexts texts;

	private final TemplateEngine templates = new TemplateEngine();

	ChatPageController(ChatConversations conversations, HilTexts texts) {
		this.conversations = conversations;
		this.texts = texts;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("hil/chat/");
		resolver.setCharacterEncoding(UTF_8.name());
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCacheable(true);
		this.templates.setTemplateResolver(resolver);
		this.templates.setMessageResolver(texts.templateMessages());
	}

	@GetMapping("/chat/{sessionId}")
	ResponseEntity<String> page(@PathVariable String sessionId, @RequestParam(required = false) String token,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		ChatAccess access = this.conversations.access(sessionId, token);
		if (access.verdict() != SignedTokens.Verdict.VALID) {
			Locale locale = this.texts.locale(null, acceptLanguage);
			return html(HttpStatus.FORBIDDEN, locale, refused(ChatLinkCheck.refusal(access.verdict()), locale));
		}
		Locale locale = this.conversations.readerLanguage(sessionId, acceptLanguage);
		Map<String, Object> variables = new HashMap<>();
		variables.put("lang", locale.toLanguageTag());
		variables.put("timeZone", this.conversations.timeZone(sessionId).orElse(null));
		// a link issued for a named person shows their name in a field that cannot be changed
		variables.put("user", access.user());
		String page = this.templates.process("page.html", new Context(locale, variables));
		return html(HttpStatus.OK, locale, page);
	}

	private static ResponseEntity<String> html(HttpStatus status, Locale locale, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			// the token is in the address: keep it out of Referer headers
			.header("Referrer-Policy", "no-referrer")
			.body(body);
	}

	private String refused(String reason, Locale locale) {
		return "<!DOCTYPE html>\n<html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag())
				+ "\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(this.texts.get("chat.title", locale))
				+ "</title><link rel=\"stylesheet\" href=\"../hil/chat/chat.css\"></head><body><main class=\"refused\"><h1>"
				+ HtmlUtils.htmlEscape(this.texts.get("chat.not-available", locale)) + "</h1><p id=\"refused\">"
				+ HtmlUtils.htmlEscape(reason) + "</p></main></body></html>\n";
	}

}
