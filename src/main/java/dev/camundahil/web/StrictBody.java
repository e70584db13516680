package dev.camundahil.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A request body that refuses fields it does not know, so that a typo such as {@code "vaule"} is a 400 naming the
 * field instead of a silently ignored answer. Extend it for the body of any HIL endpoint under the API's problem
 * mapping ({@link ProblemJsonApi}).
 */
public abstract class StrictBody {

	@JsonAnySetter
	protected void unknownField(String name, Object value) {
		throw new UnknownFieldException(name);
	}

	static class UnknownFieldException extends RuntimeException {

		UnknownFieldException(String field) {
			super("Unknown field '" + field + "'");
		}

	}

}
