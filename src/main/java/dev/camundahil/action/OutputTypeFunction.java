package dev.camundahil.action;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * The query function {@code hil_has_output_type(outputTypes, type)}. On PostgreSQL it is
 * {@code output_types @> ARRAY[type]::text[]}, the spelling of "{@code type = ANY(output_types)}" that the GIN
 * index serves; elsewhere the standard {@code array_contains}.
 */
public class OutputTypeFunction implements FunctionContributor {

	static final String NAME = "hil_has_output_type";

	@Override
	public void contributeFunctions(FunctionContributions functions) {
		BasicType<Boolean> bool = functions.getTypeConfiguration().getBasicTypeRegistry()
			.resolve(StandardBasicTypes.BOOLEAN);
		String pattern = (functions.getDialect() instanceof PostgreSQLDialect) ? "(?1 @> array[?2]::text[])"
				: "array_contains(?1, ?2)";
		functions.getFunctionRegistry().registerPattern(NAME, pattern, bool);
	}

}
