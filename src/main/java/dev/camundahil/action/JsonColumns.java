package dev.camundahil.action;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of the action tables ({@code jsonb} on PostgreSQL, {@code json} on H2): how a parameter is
 * written in SQL on each database, and the mapper that turns values into their text and back. The mapper is the
 * plugin's own, so that a host application's customised {@code ObjectMapper} never changes what is stored.
 */
final class JsonColumns {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

	private final String parameter;

	private JsonColumns(String parameter) {
		this.parameter = parameter;
	}

	/** The plugin's own mapper, for JSON the plugin keeps or hashes. */
	static ObjectMapper mapper() {
		return MAPPER;
	}

	static JsonColumns forDatabase(boolean postgres) {
		return new JsonColumns(postgres ? "CAST(? AS jsonb)" : "? FORMAT JSON");
	}

	/** The placeholder of a JSON parameter, bound with {@link #write} text. */
	String parameter() {
		return this.parameter;
	}

	String write(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot store " + value.getClass().getSimpleName() + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	<T> T read(String text, Class<T> type) {
		if (text == null) {
			return null;
		}
		try {
			return MAPPER.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored JSON column cannot be read as " + type.getSimpleName(), ex);
		}
	}

	Map<String, Object> readMap(String text) {
		if (text == null) {
			return null;
		}
		try {
			return MAPPER.readValue(text, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored JSON column cannot be read as an object", ex);
		}
	}

}
