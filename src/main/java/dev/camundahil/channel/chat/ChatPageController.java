package dev.camundahil.channel.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;

import dev.camundahil.links.SignedTokens;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The chat page, {@code /chat/{sessionId}?token=...}: a fixed HTML page whose script reads the conversation with
 * the token, so the page itself carries no data. Without a valid token it is a plain 403 page.
 */
@Controller
@Hidden
class ChatPageController {

	/** Scripts, styles and connections from this application only; no inline script can run. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	/** The name field of the page, whatever its other attributes. */
	private static final Pattern USER_FIELD = Pattern.compile("<input id=\"user\"[^>]*>");

	private final ChatConversations conversations;

	private final String page;

	ChatPageController(ChatConversations conversations) {
		this.conversations = conversations;
		this.page = resource("hil/chat/page.html");
	}

	@GetMapping("/chat/{sessionId}")
	ResponseEntity<String> page(@PathVariable String sessionId, @RequestParam(required = false) String token) {
		ChatAccess access = this.conversations.access(sessionId, token);
		if (access.verdict() != SignedTokens.Verdict.VALID) {
			return html(HttpStatus.FORBIDDEN, refused(ChatLinkCheck.refusal(access.verdict())));
		}
		return html(HttpStatus.OK, (access.user() != null) ? forPerson(access.user()) : this.page);
	}

	/** The page of a link issued for a named person: their name in the name field, which cannot be changed. */
	private String forPerson(String user) {
		String field = "<input id=\"user\" name=\"user\" type=\"text\" maxlength=\"200\" value=\""
				+ HtmlUtils.htmlEscape(user) + "\" readonly aria-readonly=\"true\">";
		return USER_FIELD.matcher(this.page).replaceFirst(Matcher.quoteReplacement(field));
	}

	private static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			// the token is in the address: keep it out of Referer headers
			.header("Referrer-Policy", "no-referrer")
			.body(body);
	}

	private static String refused(String reason) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chat</title>"
				+ "<link rel=\"stylesheet\" href=\"../hil/chat/chat.css\"></head>"
				+ "<body><main class=\"refused\"><h1>Chat not available</h1><p id=\"refused\">"
				+ HtmlUtils.htmlEscape(reason) + "</p></main></body></html>\n";
	}

	private static String resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The chat page " + path + " is missing from the class path", ex);
		}
	}

}
