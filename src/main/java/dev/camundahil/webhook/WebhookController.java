package dev.camundahil.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.camundahil.web.ProblemJsonApi;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhooks API: subscriptions to action events and their deliveries. A thin layer over
 * {@link WebhookSubscriptions}.
 */
@RestController
@ProblemJsonApi
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
@Tag(name = "Webhooks", description = "Signed notifications of action events (Standard Webhooks)")
class WebhookController {

	static final int MAX_PAGE_SIZE = 200;

	private final WebhookSubscriptions subscriptions;

	private final WebhookStatus status;

	WebhookController(WebhookSubscriptions subscriptions, WebhookStatus status) {
		this.subscriptions = subscriptions;
		this.status = status;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Subscribe a URL to action events; the answer shows the signing secret, never shown again")
	ResponseEntity<CreatedWebhook> create(@RequestBody WebhookRequest body) {
		CreatedWebhook created = this.subscriptions.create(body);
		// the one answer with the secret in it: no cache along the way may keep it
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
			.cacheControl(CacheControl.noStore())
			.body(created);
	}

	@GetMapping
	@Operation(summary = "All webhooks, oldest first, without their secrets")
	List<WebhookView> list() {
		return this.subscriptions.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One webhook, without its secret")
	WebhookView get(@PathVariable UUID id) {
		return this.subscriptions.find(id);
	}

	@PatchMapping(path = "/{id}", consumes = "application/json")
	@Operation(summary = "Change the URL, events, active flag or secret of a webhook; fields left out stay as they are")
	WebhookView change(@PathVariable UUID id, @RequestBody WebhookRequest body) {
		return this.subscriptions.change(id, body);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a webhook and its deliveries")
	void delete(@PathVariable UUID id) {
		this.subscriptions.delete(id);
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "Deliveries of a webhook, newest first: status, attempts, last status code and error, next attempt")
	DeliveryPage deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0) {
			throw WebhookProblems.badRequest("'page' must be 0 or more, not " + page);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw WebhookProblems.badRequest("'size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
		}
		return this.subscriptions.deliveries(id, page, size);
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	@Operation(summary = "Send a failed delivery again now: one more attempt; failing again, it is failed again")
	DeliveryView retry(@PathVariable UUID id, @PathVariable String deliveryId) {
		this.subscriptions.find(id);
		try {
			return this.status.retry(id, deliveryId, Instant.now())
				.orElseThrow(() -> WebhookProblems.deliveryNotFound(id, deliveryId));
		}
		catch (IllegalStateException ex) {
			throw WebhookProblems.conflict(ex.getMessage());
		}
	}

}
