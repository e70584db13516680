package dev.camundahil.webhook;

import java.util.List;

import dev.camundahil.web.StrictBody;

/**
 * Body of {@code POST /api/v1/webhooks} (url and events required) and {@code PATCH /api/v1/webhooks/{id}} (every
 * field optional; a given one replaces the stored one).
 */
class WebhookRequest extends StrictBody {

	/** Where deliveries are posted: an http or https URL to a public address. */
	public String url;

	/** Event names such as {@code action.completed}, or {@code *} for all. */
	public List<String> events;

	/** The signing secret, {@code whsec_} + base64; generated when a new webhook has none. */
	public String secret;

	/** Whether deliveries are sent; default true. */
	public Boolean active;

}
