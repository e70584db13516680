package dev.camundahil.bpmn;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores one of the plugin's own JSON types ({@link HilState}, {@link HilResult}, {@link HilJsonObject},
 * {@link HilJsonArray}) as JSON in the text column of the variable's own row while it is short, where the engine's
 * JSON data format (Spin) writes every object to a separate byte-array row: at {@code full} history each byte array
 * is a row inserted for the runtime variable, its history instance and its history detail, then updated or deleted
 * again. A longer value goes to a byte array as usual. With its own Jackson mapper it needs no data format of the
 * engine's, so the plugin's JSON variables work the same on an engine without Spin. Only values of its own types are
 * taken: every other object keeps the engine's serializers.
 */
final class HilValueSerializer extends AbstractObjectValueSerializer {

	/** The name {@code hilState} rows carry. */
	static final String STATE = "hil-state";

	/** The name lean result rows carry. */
	static final String RESULT = "hil-result";

	/** The name rows of JSON objects and arrays carry, such as an answer that is a map. */
	static final String JSON = "hil-json";

	/** The name rows of text too long for a plain text variable carry, such as a long free-text answer. */
	static final String TEXT = "hil-text";

	/**
	 * The type name long text is written and recognised by: a name of the plugin's own, so that only its values are
	 * taken, never a text an application stores as an object of its own; it reads back as a {@link String}.
	 */
	static final String TEXT_TYPE = "dev.camundahil.bpmn.HilText";

	/** Camunda's text columns hold 4000 characters on most databases and 2000 on Oracle; bytes bound characters. */
	static final int MAX_TEXT_BYTES = 2000;

	private static final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

	private final String name;

	private final List<Class<?>> types;

	private final boolean mutable;

	/** Whether it takes long text, which it knows by {@link #TEXT_TYPE} rather than by the value's class. */
	private final boolean text;

	private HilValueSerializer(String name, boolean mutable, boolean text, List<Class<?>> types) {
		super(SerializationDataFormats.JSON.getName());
		this.name = name;
		this.mutable = mutable;
		this.text = text;
		this.types = types;
	}

	static HilValueSerializer forState() {
		return new HilValueSerializer(STATE, false, false, List.of(HilState.class));
	}

	static HilValueSerializer forResult() {
		return new HilValueSerializer(RESULT, false, false, List.of(HilResult.class));
	}

	/**
	 * Answers and other JSON values a process may change in place, as it could with the engine's own JSON objects:
	 * watched for changes like those.
	 */
	static HilValueSerializer forJson() {
		return new HilValueSerializer(JSON, true, false, List.of(HilJsonObject.class, HilJsonArray.class));
	}

	/**
	 * Text longer than the engine's text columns hold, which the engine would fail to write as a plain text variable:
	 * kept as a JSON string in a byte array and read back as the {@link String} it was.
	 * @see HilVariables#typed(Object)
	 */
	static HilValueSerializer forText() {
		return new HilValueSerializer(TEXT, false, true, List.of(String.class));
	}

	@Override
	public String getName() {
		return this.name;
	}

	/**
	 * A value of its types, or the JSON text of one, as Cockpit and the engine's REST API send a changed variable
	 * (naming its type).
	 */
	@Override
	protected boolean canWriteValue(TypedValue value) {
		if (this.text) {
			return value instanceof ObjectValue object && TEXT_TYPE.equals(object.getObjectTypeName())
					&& (!object.isDeserialized() || object.getValue() instanceof String);
		}
		if (value instanceof ObjectValue object && !object.isDeserialized()) {
			return this.types.stream().anyMatch((type) -> type.getName().equals(object.getObjectTypeName()));
		}
		boolean deserialized = !(value instanceof SerializableValue serializable) || serializable.isDeserialized();
		return deserialized && canSerializeValue(value.getValue());
	}

	@Override
	protected boolean canSerializeValue(Object value) {
		return typeOf(value) != null;
	}

	@Override
	protected String getTypeNameForDeserialized(Object value) {
		return this.text ? TEXT_TYPE : typeOf(value).getName();
	}

	@Override
	protected byte[] serializeToByteArray(Object value) throws Exception {
		return json.writeValueAsBytes(value);
	}

	@Override
	protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) throws Exception {
		Class<?> type = this.types.stream()
			.filter((candidate) -> candidate.getName().equals(objectTypeName))
			.findFirst()
			.orElse(this.types.get(0));
		return json.readValue(bytes, type);
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
	 * The state and the lean result are not watched for changes: the engine would otherwise serialize the value again
	 * at the end of every command that read it, to compare; they are written once (and the state removed).
	 */
	@Override
	public boolean isMutableValue(ObjectValue value) {
		return this.mutable && super.isMutableValue(value);
	}

	private Class<?> typeOf(Object value) {
		return (value == null) ? null
				: this.types.stream().filter((type) -> type == value.getClass()).findFirst().orElse(null);
	}

}
