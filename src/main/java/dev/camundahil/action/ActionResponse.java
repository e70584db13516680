package dev.camundahil.action;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The human's answer: any JSON value, who gave it, when, and where it came from ({@code api}, {@code chat},
 * {@code email-link}, {@code email}; absent on answers recorded before it was kept).
 */
public record ActionResponse(Object value, String respondedBy,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp,
		@JsonInclude(JsonInclude.Include.NON_NULL) String channel) {

	public ActionResponse(Object value, String respondedBy, Instant timestamp) {
		this(value, respondedBy, timestamp, null);
	}

}
