package dev.camundahil.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The plugin's JSON: Jackson at Spring Boot's defaults (camel case, ISO dates, unknown properties ignored), for
 * the JSON others read (the HIL API, webhooks, the chat page), so that the application's own {@code ObjectMapper}
 * settings never change it.
 */
public final class HilJson {

	private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json()
		.featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
				SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.build();

	private HilJson() {
	}

	/**
	 * The mapper at the plugin's settings, one for all its users: configured once here, and only read and written
	 * with, never configured further.
	 */
	public static ObjectMapper mapper() {
		return MAPPER;
	}

}
