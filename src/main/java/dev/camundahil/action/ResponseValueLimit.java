package dev.camundahil.action;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.util.unit.DataSize;

/**
 * The largest response value an action takes, measured as the JSON it is stored as, whichever channel it came on.
 */
class ResponseValueLimit {

	private final ObjectMapper json;

	private final DataSize limit;

	ResponseValueLimit(ObjectMapper json, DataSize limit) {
		this.json = json;
		this.limit = limit;
	}

	void check(Object value) {
		long size;
		try {
			size = this.json.writeValueAsBytes(value).length;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidResponseException("The response value cannot be written as JSON: " + ex.getOriginalMessage());
		}
		if (size > this.limit.toBytes()) {
			throw new ResponseTooLargeException("The response value is " + size + " bytes as JSON; at most "
					+ this.limit.toBytes() + " are accepted");
		}
	}

	/** A comment beside an answer has the same limit as the answer, counted in UTF-8 bytes. */
	void checkComment(String comment) {
		if (comment == null) {
			return;
		}
		long size = comment.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.limit.toBytes()) {
			throw new ResponseTooLargeException("The comment is " + size + " bytes; at most " + this.limit.toBytes()
					+ " are accepted");
		}
	}

}
