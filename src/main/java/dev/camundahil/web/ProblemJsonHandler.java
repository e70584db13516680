package dev.camundahil.web;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem JSON every HIL endpoint answers failures with, whatever feature it belongs to: bad requests, malformed
 * and strict bodies ({@link StrictBody}), wrong parameter types, unsupported media types, and a 500 with a reference
 * for anything unexpected. The controller advice that extends it adds the failures of the features and says which
 * controllers it applies to, so that it never reaches the host application's own.
 */
public abstract class ProblemJsonHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemJsonHandler.class);

	@ExceptionHandler(BadRequestException.class)
	protected ProblemDetail badRequest(BadRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	protected ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request",
				"'" + ex.getName() + "' must be " + kind(ex.getRequiredType()) + ", not '" + ex.getValue() + "'");
	}

	@ExceptionHandler(Exception.class)
	protected ProblemDetail unexpected(Exception ex) {
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure of a HIL API request (reference {})", reference, ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request failed on the server; nothing is lost. Reference: " + reference);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body", readable(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.headers(headers)
			.body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					ApiPathProblems.unsupportedMediaType(ex)));
	}

	private static String readable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof JsonMappingException mapping) {
			if (mapping.getCause() instanceof StrictBody.UnknownFieldException unknown) {
				return unknown.getMessage();
			}
			String field = mapping.getPath()
				.stream()
				.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			if (mapping instanceof MismatchedInputException mismatch && !field.isEmpty()) {
				return "Field '" + field + "' has the wrong type: expected " + kind(mismatch.getTargetType());
			}
			if (!field.isEmpty()) {
				return "Field '" + field + "' cannot be read: " + plain(mapping.getOriginalMessage());
			}
			if (mapping instanceof MismatchedInputException) {
				return "The body must be a JSON object";
			}
		}
		if (cause instanceof JsonProcessingException parse) {
			return "The body is not valid JSON: " + plain(parse.getOriginalMessage());
		}
		return "The request body is missing or not valid JSON";
	}

	/** A type as a caller of a JSON API knows it: a kind of JSON value, never a Java class. */
	static String kind(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
			return "a string";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object";
	}

	/**
	 * Jackson's message without what names its own workings: where an unclosed object started (given as a source it
	 * does not show) and the setting a limit comes from.
	 */
	private static String plain(String message) {
		return message.replaceAll("(?s)\\s*\\(start marker at .*", "")
			.replaceAll(",?\\s*from `[^`]*`", "")
			.strip();
	}

	protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
