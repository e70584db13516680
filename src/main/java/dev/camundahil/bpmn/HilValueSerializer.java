package dev.camundahil.bpmn;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores one of the plugin's own map types ({@link HilState}, {@link HilResult}) as JSON in the text column of the
 * variable's own row while it is short, where Camunda's JSON serializer writes every object to a separate byte-array
 * row: at {@code full} history each byte array is a row inserted for the runtime variable, its history instance and
 * its history detail, then updated or deleted again. A longer value goes to a byte array as usual. Only values of
 * its own type are taken: every other object keeps the engine's serializers.
 */
final class HilValueSerializer extends AbstractObjectValueSerializer {

	/** The name {@code hilState} rows carry. */
	static final String STATE = "hil-state";

	/** The name lean result rows carry. */
	static final String RESULT = "hil-result";

	/** Camunda's text columns hold 4000 characters on most databases and 2000 on Oracle; bytes bound characters. */
	static final int MAX_TEXT_BYTES = 2000;

	private static final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

	private final String name;

	private final Class<?> type;

	private HilValueSerializer(String name, Class<?> type) {
		super(SerializationDataFormats.JSON.getName());
		this.name = name;
		this.type = type;
	}

	static HilValueSerializer forState() {
		return new HilValueSerializer(STATE, HilState.class);
	}

	static HilValueSerializer forResult() {
		return new HilValueSerializer(RESULT, HilResult.class);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	protected boolean canWriteValue(TypedValue value) {
		boolean deserialized = !(value instanceof SerializableValue serializable) || serializable.isDeserialized();
		return deserialized && this.type.isInstance(value.getValue());
	}

	@Override
	protected boolean canSerializeValue(Object value) {
		return this.type.isInstance(value);
	}

	@Override
	protected String getTypeNameForDeserialized(Object value) {
		return this.type.getName();
	}

	@Override
	protected byte[] serializeToByteArray(Object value) throws Exception {
		return json.writeValueAsBytes(value);
	}

	@Override
	protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) throws Exception {
		return json.readValue(bytes, this.type);
	}

	@Override
	protected boolean isSerializationTextBased() {
		return true;
	}

	@Override
	protected void writeToValueFields(ObjectValue value, ValueFields fields, byte[] serialized) {
		boolean asText = serialized != null && serialized.length <= MAX_TEXT_BYTES;
		super.writeToValueFields(value, fields, asText ? null : serialized);
		fields.setTextValue(asText ? new String(serialized, StandardCharsets.UTF_8) : null);
	}

	@Override
	protected byte[] readSerializedValueFromFields(ValueFields fields) {
		String text = fields.getTextValue();
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : fields.getByteArrayValue();
	}

	/**
	 * Not watched for changes: the engine would otherwise serialize the value again at the end of every command that
	 * read it, to compare; it is written once (and the state removed).
	 */
	@Override
	public boolean isMutableValue(ObjectValue value) {
		return false;
	}

}
