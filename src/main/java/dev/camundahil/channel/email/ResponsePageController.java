package dev.camundahil.channel.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletRequest;

import dev.camundahil.action.ActionAudit;
import dev.camundahil.action.ActionConflictException;
import dev.camundahil.action.ActionNotFoundException;
import dev.camundahil.action.ActionRecipient;
import dev.camundahil.action.ActionRequest;
import dev.camundahil.action.ActionResponse;
import dev.camundahil.action.ActionService;
import dev.camundahil.action.ActionStatus;
import dev.camundahil.action.ActionVote;
import dev.camundahil.action.AuditEvents;
import dev.camundahil.action.ExpectedResponses;
import dev.camundahil.action.InvalidReassignmentException;
import dev.camundahil.action.InvalidResponseException;
import dev.camundahil.action.NotAnApproverException;
import dev.camundahil.action.Reassignment;
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
 * bound to one action and to the recipient whose copy carried it, and lasts as long as the action. An answer through
 * a recipient's link is theirs ({@code respondedBy} is their address); once the action has closed or passed to
 * someone else, every link shows what became of it. Every outcome is a plain HTML page, never a stack trace.
 */
@Controller
@RequestMapping(ResponsePageController.PATH)
class ResponsePageController {

	static final String PATH = "/respond";

	/** The channel and audit user of answers given on this page. */
	static final String CHANNEL = "email-link";

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_NOTE_LENGTH = 1000;

	/** The task parameter that lets recipients pass the question on from their link. */
	static final String ALLOW_DELEGATION = "allowDelegation";

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
			@RequestParam(name = ResponseLinks.RECIPIENT, required = false) String recipient,
			@RequestParam(required = false) String token, HttpServletRequest request) {
		Page page = open(actionId, recipient, token, request);
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
			@RequestParam(required = false) String comment,
			@RequestParam(name = ResponseLinks.RECIPIENT, required = false) String recipient,
			@RequestParam(required = false) String token, HttpServletRequest request) {
		Page page = open(actionId, recipient, token, request);
		if (page.done()) {
			return page.render();
		}
		String value = (option != null && !option.isBlank()) ? option : answer;
		if (value == null || value.isBlank()) {
			return page.state("bad-option", HttpStatus.BAD_REQUEST).with("given", "").render();
		}
		try {
			ActionRequest answered;
			if (page.recipient != null) {
				// the person is the link's: a name typed beside it changes nothing
				String address = page.recipient.address();
				answered = this.actions.respondAs(page.action.getId(), page.recipient.id(),
						new ResponseCommand(value, address, address, CHANNEL, null, comment));
			}
			else {
				answered = this.actions.respond(page.action.getId(),
						new ResponseCommand(value, respondedBy(name), CHANNEL, CHANNEL, null, comment));
			}
			return page.of(answered).state("thanks", HttpStatus.OK).render();
		}
		catch (ResponseTooLargeException ex) {
			return page.state("too-large", HttpStatus.PAYLOAD_TOO_LARGE).render();
		}
		catch (InvalidResponseException ex) {
			return page.state("bad-option", HttpStatus.BAD_REQUEST).with("given", value).render();
		}
		catch (NotAnApproverException ex) {
			// a recipient who is not among the approvers of an action that several approvers decide
			return page.state("invalid", HttpStatus.FORBIDDEN).render();
		}
		catch (ActionConflictException ex) {
			// someone else answered, it expired, was cancelled or passed on, between the page and the click
			Page now = open(actionId, recipient, token, request);
			return now.done() ? now.render() : now.state("retry", HttpStatus.CONFLICT).render();
		}
	}

	/**
	 * A recipient passes the question on from their own link, where the task allows it: the same as a reassignment
	 * from them to the address they give, by them, with their note as the reason.
	 */
	@PostMapping("/{actionId}/pass")
	ResponseEntity<String> pass(@PathVariable String actionId, @RequestParam(required = false) String to,
			@RequestParam(required = false) String note,
			@RequestParam(name = ResponseLinks.RECIPIENT, required = false) String recipient,
			@RequestParam(required = false) String token, HttpServletRequest request) {
		Page page = open(actionId, recipient, token, request);
		if (page.done()) {
			return page.render();
		}
		if (page.recipient == null || !allowsDelegation(page.action)) {
			return page.state("invalid", HttpStatus.FORBIDDEN).render();
		}
		String address = (to != null) ? to.strip() : "";
		if (!isAddress(address)) {
			return page.state("choose", HttpStatus.BAD_REQUEST)
				.with("passError", page.text("people.pass.bad-address", address))
				.render();
		}
		String reason = (note != null) ? clean(note, MAX_NOTE_LENGTH) : null;
		try {
			this.actions.reassign(page.action.getId(), new Reassignment(List.of(page.recipient.address()),
					List.of(address), reason, page.recipient.address(), true));
		}
		catch (InvalidReassignmentException ex) {
			return page.state("choose", HttpStatus.BAD_REQUEST)
				.with("passError", page.text("people.pass.nothing-changes", address))
				.render();
		}
		catch (ActionConflictException ex) {
			Page now = open(actionId, recipient, token, request);
			return now.done() ? now.render() : now.state("retry", HttpStatus.CONFLICT).render();
		}
		Page now = open(actionId, recipient, token, request);
		if ("passed".equals(now.state)) {
			// the person who passed it on sees where it went, as their link will show from now on
			return now.state("passed", HttpStatus.OK).render();
		}
		return now.done() ? now.render() : now.state("retry", HttpStatus.CONFLICT).render();
	}

	/** The page with everything decided that does not depend on the answer: token, action, recipient, status. */
	private Page open(String actionId, String recipientId, String token, HttpServletRequest request) {
		Page page = new Page(request);
		UUID id;
		UUID recipient = null;
		try {
			id = UUID.fromString(actionId);
			if (recipientId != null && !recipientId.isBlank()) {
				recipient = UUID.fromString(recipientId);
			}
		}
		catch (IllegalArgumentException ex) {
			return page.state("invalid", HttpStatus.FORBIDDEN);
		}
		SignedTokens.Verdict verdict = this.links.verify(id, recipient, token);
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
		// genuine: now its lifetime is the action's deadline as it is today, which an extension may have moved
		verdict = this.links.verify(id, recipient, token, page.action.getExpiresAt());
		page.with("token", token).with("recipientId", (recipient != null) ? recipient.toString() : null);
		if (recipient != null) {
			UUID bound = recipient;
			Optional<ActionRecipient> found = this.actions.recipient(bound).filter((r) -> r.actionId().equals(id));
			if (found.isEmpty()) {
				return page.state("invalid", HttpStatus.FORBIDDEN);
			}
			page.recipient = found.get();
			page.with("person", found.get().address());
		}
		ActionRequest action = page.action;
		if (action.getStatus() == ActionStatus.COMPLETED) {
			return answered(page);
		}
		if (action.getStatus() == ActionStatus.CANCELLED) {
			return page.state("cancelled", HttpStatus.GONE).with("closedAt", page.date(action.getUpdatedAt()));
		}
		Optional<ActionVote> ownVote = (page.recipient != null) ? action.voteOf(page.recipient.address())
				: Optional.empty();
		if (ownVote.isPresent()) {
			// one vote each: the link of someone who voted shows their vote while the others decide
			return page.state("answered", HttpStatus.CONFLICT)
				.with("answer", String.valueOf(ownVote.get().value()))
				.with("respondedBy", ownVote.get().by())
				.with("respondedAt", page.date(ownVote.get().at()))
				.with("channel", page.channel(ownVote.get().channel()));
		}
		if (page.recipient != null && !page.recipient.isActive()) {
			return page.state("passed", HttpStatus.GONE)
				.with("passedTo", String.join(", ", page.recipient.passedTo()))
				.with("passedAt", page.date(page.recipient.removedAt()));
		}
		if (action.getStatus() == ActionStatus.EXPIRED || verdict == SignedTokens.Verdict.EXPIRED
				|| action.isOverdue(Instant.now())) {
			Instant at = (action.getStatus() == ActionStatus.EXPIRED || action.getExpiresAt() == null)
					? action.getUpdatedAt() : action.getExpiresAt();
			return page.state("expired", HttpStatus.GONE).with("closedAt", page.date(at));
		}
		page.with("delegation", page.recipient != null && allowsDelegation(action));
		return page;
	}

	/** Who answered what, when and how, for the page of an answered action. */
	private Page answered(Page page) {
		ActionResponse response = page.action.getResponse();
		String respondedBy = (response != null && response.respondedBy() != null && !response.respondedBy().isBlank())
				? response.respondedBy() : page.text("people.outcome.someone");
		String channel = (response != null) ? response.channel() : null;
		if (channel == null) {
			// answers recorded before the answer kept its channel have it in their audit entry
			channel = this.actions.auditTrail(page.action.getId())
				.stream()
				.filter((entry) -> AuditEvents.COMPLETED.equals(entry.getEvent()))
				.map(ActionAudit::getData)
				.map((data) -> data.get("channel"))
				.filter((value) -> value != null)
				.map(String::valueOf)
				.findFirst()
				.orElse(null);
		}
		return page.state("answered", HttpStatus.CONFLICT)
			.with("respondedBy", respondedBy)
			.with("respondedAt", page.date((response != null) ? response.timestamp() : page.action.getUpdatedAt()))
			.with("channel", page.channel(channel));
	}

	private static boolean allowsDelegation(ActionRequest action) {
		Object allowed = (action.getArgs() != null) ? action.getArgs().get(ALLOW_DELEGATION) : null;
		return Boolean.TRUE.equals(allowed) || "true".equalsIgnoreCase(String.valueOf(allowed).strip());
	}

	private static boolean isAddress(String value) {
		if (value.isEmpty() || value.length() > 320 || value.contains(",")) {
			return false;
		}
		try {
			InternetAddress address = new InternetAddress(value, true);
			address.validate();
			return address.getPersonal() == null && value.equals(address.getAddress());
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private static String respondedBy(String name) {
		String clean = (name != null) ? clean(name, MAX_NAME_LENGTH) : "";
		return clean.isEmpty() ? CHANNEL : clean;
	}

	private static String clean(String text, int max) {
		String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
		return (clean.length() > max) ? clean.substring(0, max) : clean;
	}

	/** One rendering of {@code respond.html}: its state, status and variables. */
	private final class Page {

		private final Map<String, Object> variables = new LinkedHashMap<>();

		private ActionRequest action;

		private ActionRecipient recipient;

		private String state;

		private HttpStatus status;

		/** The action's language; before the action is known, the default. */
		private Locale locale;

		/** The action's time zone; before the action is known, the default. */
		private ZoneId zone;

		Page(HttpServletRequest request) {
			this.locale = ResponsePageController.this.templates.texts().locale(null);
			this.zone = ResponsePageController.this.templates.texts().timeZone(null);
			this.variables.put("formAction", request.getRequestURI().replaceAll("/pass$", ""));
			this.variables.put("token", null);
			this.variables.put("recipientId", null);
			this.variables.put("person", null);
			this.variables.put("delegation", false);
			this.variables.put("passError", null);
			this.variables.put("question", null);
			this.variables.put("options", List.of());
			this.variables.put("option", null);
			this.variables.put("answer", null);
			this.variables.put("given", null);
			this.variables.put("expires", null);
			this.variables.put("respondedBy", null);
			this.variables.put("respondedAt", null);
			this.variables.put("channel", null);
			this.variables.put("closedAt", null);
			this.variables.put("passedTo", null);
			this.variables.put("passedAt", null);
			this.variables.put("timeZone", null);
			this.variables.put("comment", null);
		}

		Page of(ActionRequest action) {
			HilTexts texts = ResponsePageController.this.templates.texts();
			this.action = action;
			this.locale = texts.locale(action.getLocale());
			this.zone = texts.timeZone(action.getTimeZone());
			this.variables.put("timeZone", this.zone.getId());
			this.variables.put("question", action.getContext().question());
			this.variables.put("options", ExpectedResponses.of(action));
			this.variables.put("answer", (action.getResponse() != null && action.getResponse().value() != null)
					? String.valueOf(action.getResponse().value()) : null);
			this.variables.put("comment", action.getComment());
			this.variables.put("expires", texts.dateTime(action.getExpiresAt(), this.locale, this.zone));
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

		/** A text of the bundles in the page's language. */
		String text(String key, Object... arguments) {
			return ResponsePageController.this.templates.texts().get(key, this.locale, arguments);
		}

		/** A date as the page's outcome lines show it ("5 Dec 2026, 10:02"), in the action's time zone. */
		String date(Instant instant) {
			return ResponsePageController.this.templates.texts().shortDateTime(instant, this.locale, this.zone);
		}

		/** How the page names the channel an answer came from ("email link"); an unknown one by its own name. */
		String channel(String channel) {
			return (channel != null) ? ResponsePageController.this.templates.texts()
				.getOrElse("people.channel." + channel, this.locale, channel) : "";
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
