package dev.camundahil.channel.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionNotFoundException;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ExpectedResponses;
import dev.camundahil.action.InvalidResponseException;
import dev.camundahil.action.ResponseCommand;
import dev.camundahil.action.ResponseTooLargeException;
import dev.camundahil.i18n.HilTexts;
import dev.camundahil.links.SignedTokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a signed link in an email opens. GET only shows the question and asks to confirm, because mail
 * scanners fetch every link; only the POST of that form records the answer. Both need the link's token, which is
 * bound to one action and lasts as long as it. Every outcome is a plain HTML page, never a stack trace.
 */
@Controller
@RequestMapping(ResponsePageController.PATH)
class ResponsePageController {

	static final String PATH = "/respond";

	/** The channel and audit user of answers given on this page. */
	static final String CHANNEL = "email-link";

	static final int MAX_NAME_LENGTH = 200;

	private static final Logger log = LoggerFactory.getLogger(ResponsePageController.class);

	private final ActionService actions;

	private final ResponseLinks links;

	private final EmailTemplates templates;

	ResponsePageController(ActionService actions, ResponseLinks links, EmailTemplates templates) {
		this.actions = actions;
		this.links = links;
		this.templates = templates;
	}

	@GetMapping("/{actionId}")
	ResponseEntity<String> show(@PathVariable String actionId, @RequestParam(required = false) String option,
			@RequestParam(required = false) String token, HttpServletRequest request) {
		Page page = open(actionId, token, request);
		if (page.done()) {
			return page.render();
		}
		ActionRequest action = page.action;
		List<String> options = ExpectedResponses.of(action);
		if (option == null || option.isBlank()) {
			return page.state("choose", HttpStatus.OK).render();
		}
		Optional<String> chosen = ExpectedResponses.match(options, option);
		if (options.isEmpty() || chosen.isEmpty()) {
			return page.state("bad-option", HttpStatus.BAD_REQUEST).with("given", option).render();
		}
		return page.state("confirm", HttpStatus.OK).with("option", chosen.get()).render();
	}

	@PostMapping("/{actionId}")
	ResponseEntity<String> answer(@PathVariable String actionId, @RequestParam(required = false) String option,
			@RequestParam(required = false) String answer, @RequestParam(required = false) String name,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String token,
			HttpServletRequest request) {
		Page page = open(actionId, token, request);
		if (page.done()) {
			return page.render();
		}
		String value = (option != null && !option.isBlank()) ? option : answer;
		if (value == null || value.isBlank()) {
			return page.state("bad-option", HttpStatus.BAD_REQUEST).with("given", "").render();
		}
		String respondedBy = respondedBy(name);
		try {
			ActionRequest answered = this.actions.respond(page.action.getId(),
					new ResponseCommand(value, respondedBy, CHANNEL, CHANNEL, null, comment));
			return page.of(answered).state("thanks", HttpStatus.OK).render();
		}
		catch (ResponseTooLargeException ex) {
			return page.state("too-large", HttpStatus.PAYLOAD_TOO_LARGE).render();
		}
		catch (InvalidResponseException ex) {
			return page.state("bad-option", HttpStatus.BAD_REQUEST).with("given", value).render();
		}
		catch (ActionConflictException ex) {
			// someone else answered, or it expired or was cancelled, between the page and the click
			Page now = open(actionId, token, request);
			return now.done() ? now.render() : now.state("retry", HttpStatus.CONFLICT).render();
		}
	}

	/** The page with everything decided that does not depend on the answer: token, action, status. */
	private Page open(String actionId, String token, HttpServletRequest request) {
		Page page = new Page(request);
		UUID id;
		try {
			id = UUID.fromString(actionId);
		}
		catch (IllegalArgumentException ex) {
			return page.state("invalid", HttpStatus.FORBIDDEN);
		}
		SignedTokens.Verdict verdict = this.links.verify(id, token);
		if (verdict == SignedTokens.Verdict.INVALID) {
			log.info("Refused a response link for action {}: the token is not valid for it", id);
			return page.state("invalid", HttpStatus.FORBIDDEN);
		}
		try {
			page.of(this.actions.find(id));
		}
		catch (ActionNotFoundException ex) {
			return page.state("not-found", HttpStatus.NOT_FOUND);
		}
		page.with("token", token);
		ActionRequest action = page.action;
		if (action.getStatus() == ActionStatus.COMPLETED) {
			return page.state("answered", HttpStatus.CONFLICT);
		}
		if (action.getStatus() == ActionStatus.CANCELLED) {
			return page.state("cancelled", HttpStatus.GONE);
		}
		if (action.getStatus() == ActionStatus.EXPIRED || verdict == SignedTokens.Verdict.EXPIRED
				|| action.isOverdue(Instant.now())) {
			return page.state("expired", HttpStatus.GONE);
		}
		return page;
	}

	private static String respondedBy(String name) {
		if (name == null) {
			return CHANNEL;
		}
		String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
		if (clean.isEmpty()) {
			return CHANNEL;
		}
		return (clean.length() > MAX_NAME_LENGTH) ? clean.substring(0, MAX_NAME_LENGTH) : clean;
	}

	/** One rendering of {@code respond.html}: its state, status and variables. */
	private final class Page {

		private final Map<String, Object> variables = new LinkedHashMap<>();

		private ActionRequest action;

		private String state;

		private HttpStatus status;

		/** The action's language; before the action is known, the default. */
		private Locale locale;

		Page(HttpServletRequest request) {
			this.locale = ResponsePageController.this.templates.texts().locale(null);
			this.variables.put("formAction", request.getRequestURI());
			this.variables.put("token", null);
			this.variables.put("question", null);
			this.variables.put("options", List.of());
			this.variables.put("option", null);
			this.variables.put("answer", null);
			this.variables.put("given", null);
			this.variables.put("expires", null);
			this.variables.put("comment", null);
		}

		Page of(ActionRequest action) {
			HilTexts texts = ResponsePageController.this.templates.texts();
			this.action = action;
			this.locale = texts.locale(action.getLocale());
			this.variables.put("question", action.getContext().question());
			this.variables.put("options", ExpectedResponses.of(action));
			this.variables.put("answer", (action.getResponse() != null && action.getResponse().value() != null)
					? String.valueOf(action.getResponse().value()) : null);
			this.variables.put("comment", action.getComment());
			this.variables.put("expires",
					texts.dateTime(action.getExpiresAt(), this.locale, texts.timeZone(action.getTimeZone())));
			return this;
		}

		Page state(String state, HttpStatus status) {
			this.state = state;
			this.status = status;
			return this;
		}

		Page with(String name, Object value) {
			this.variables.put(name, value);
			return this;
		}

		boolean done() {
			return this.state != null;
		}

		ResponseEntity<String> render() {
			this.variables.put("state", this.state);
			String html = ResponsePageController.this.templates.render(EmailTemplates.RESPONSE_PAGE, this.variables,
					this.locale);
			return ResponseEntity.status(this.status)
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.header("Content-Language", this.locale.toLanguageTag())
				.cacheControl(CacheControl.noStore())
				.header("Referrer-Policy", "no-referrer")
				.header("X-Robots-Tag", "noindex, nofollow")
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy",
						"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
				.body(html);
		}

	}

}
