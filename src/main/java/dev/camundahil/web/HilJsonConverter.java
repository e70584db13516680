package dev.camundahil.web;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON of the HIL endpoints with {@link HilJson}, not with the application's {@code ObjectMapper}: the application's
 * Jackson settings (a naming strategy, dates as numbers) must change neither the documented JSON of the HIL API nor
 * how it reads its requests. It reads the bodies of the
 * plugin's controllers and writes the plugin's own types; everything else stays with the application's converters.
 */
public final class HilJsonConverter extends MappingJackson2HttpMessageConverter {

	private static final String PACKAGE = "dev.camundahil.";

	public HilJsonConverter() {
		super(HilJson.mapper());
	}

	/** Puts the converter ahead of the application's, in Spring MVC only. */
	public static WebMvcConfigurer first() {
		return new WebMvcConfigurer() {

			@Override
			public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
				if (converters.stream().noneMatch(HilJsonConverter.class::isInstance)) {
					converters.add(0, new HilJsonConverter());
				}
			}

		};
	}

	@Override
	public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	public boolean canRead(Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
		return contextClass != null && contextClass.getName().startsWith(PACKAGE)
				&& super.canRead(type, contextClass, mediaType);
	}

	@Override
	public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
		return ofThePlugin(ResolvableType.forClass(clazz)) && super.canWrite(clazz, mediaType);
	}

	@Override
	public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
		// Jackson's own check by class, as the inherited generic check asks the one above, which sees no generics
		return ofThePlugin((type != null) ? ResolvableType.forType(type) : ResolvableType.forClass(clazz))
				&& super.canWrite(clazz, mediaType);
	}

	/** A type of the plugin's, or a collection or page of them. */
	private static boolean ofThePlugin(ResolvableType type) {
		Class<?> raw = type.resolve();
		return (raw != null && raw.getName().startsWith(PACKAGE))
				|| Arrays.stream(type.getGenerics()).anyMatch(HilJsonConverter::ofThePlugin);
	}

}
