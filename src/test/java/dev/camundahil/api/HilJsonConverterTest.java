package dev.camundahil.api;

import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camundahil.web.HilJsonConverter;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's JSON converter takes the plugin's types and the bodies of the plugin's controllers only, writes them
 * in the documented form, and leaves everything else to the application's converters.
 */
class HilJsonConverterTest {

	private final HilJsonConverter converter = new HilJsonConverter();

	@Test
	void writesThePluginsTypesAndCollectionsOfThemOnly() {
		assertThat(this.converter.canWrite(AuditEntry.class, AuditEntry.class, MediaType.APPLICATION_JSON)).isTrue();
		Type audit = new ParameterizedTypeReference<List<AuditEntry>>() {
		}.getType();
		assertThat(this.converter.canWrite(audit, List.class, MediaType.APPLICATION_JSON)).isTrue();
		assertThat(this.converter.canWrite(Map.class, Map.class, MediaType.APPLICATION_JSON)).isFalse();
		assertThat(this.converter.canWrite(String.class, String.class, MediaType.APPLICATION_JSON)).isFalse();
		assertThat(this.converter.canWrite(ProblemDetail.class, ProblemDetail.class, MediaType.APPLICATION_JSON))
			.isFalse();
	}

	@Test
	void readsTheBodiesOfThePluginsControllersOnly() {
		assertThat(this.converter.canRead(RespondRequest.class, ActionController.class, MediaType.APPLICATION_JSON))
			.isTrue();
		assertThat(this.converter.canRead(Map.class, String.class, MediaType.APPLICATION_JSON)).isFalse();
		assertThat(this.converter.canRead(RespondRequest.class, MediaType.APPLICATION_JSON)).isFalse();
	}

	@Test
	void writesCamelCaseAndIsoDates() throws Exception {
		MockHttpOutputMessage out = new MockHttpOutputMessage();
		this.converter.write(new AuditEntry(UUID.randomUUID(), UUID.randomUUID(), "created", Map.of(), "ann",
				Instant.parse("2026-01-02T03:04:05Z")), MediaType.APPLICATION_JSON, out);
		assertThat(out.getBodyAsString()).contains("\"actionId\"", "\"userId\":\"ann\"",
				"\"timestamp\":\"2026-01-02T03:04:05Z\"");
	}

	@Test
	void comesBeforeTheApplicationsConvertersOnce() {
		WebMvcConfigurer first = HilJsonConverter.first();
		List<HttpMessageConverter<?>> converters = new ArrayList<>(
				List.of(new MappingJackson2HttpMessageConverter()));
		first.extendMessageConverters(converters);
		first.extendMessageConverters(converters);
		assertThat(converters).hasSize(2).first().isInstanceOf(HilJsonConverter.class);
	}

}
