package dev.camundahil.action;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The human's answer: any JSON value, who gave it, and when.
 */
public record ActionResponse(Object value, String respondedBy,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant timestamp) {
}
