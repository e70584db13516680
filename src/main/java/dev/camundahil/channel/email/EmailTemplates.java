package dev.camundahil.channel.email;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.camundahil.i18n.HilTexts;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The templates of the email and of the response page, in Thymeleaf. A template found in
 * {@code hil.mail.template-dir} wins, then one in {@code classpath:hil/templates/}, then the built-in one; so a user
 * replaces {@code email.html} or {@code respond.html} by putting a file of that name in either place. Templates are
 * rendered in the action's language: {@code #{key}} reads HIL's message bundles ({@code hil/i18n/messages*} and
 * {@code hil/i18n/people*}), in an override too.
 */
final class EmailTemplates {

	static final String EMAIL = "email.html";

	static final String RESPONSE_PAGE = "respond.html";

	static final String USER_CLASSPATH = "hil/templates/";

	private static final String BUILT_IN = "dev/camundahil/channel/email/templates/";

	private final TemplateEngine engine = new TemplateEngine();

	private final HilTexts texts;

	EmailTemplates(String templateDir) {
		this(templateDir, HilTexts.defaults());
	}

	EmailTemplates(String templateDir, HilTexts texts) {
		this.texts = texts;
		this.engine.setMessageResolver(texts.templateMessages());
		int order = 1;
		if (templateDir != null && !templateDir.isBlank()) {
			String prefix = templateDir.endsWith("/") ? templateDir : templateDir + "/";
			this.engine.addTemplateResolver(configure(new FileTemplateResolver(), prefix, order++, true));
		}
		this.engine.addTemplateResolver(configure(new ClassLoaderTemplateResolver(), USER_CLASSPATH, order++, true));
		this.engine.addTemplateResolver(configure(new ClassLoaderTemplateResolver(), BUILT_IN, order, false));
	}

	/** Renders a template in the default language. */
	String render(String template, Map<String, Object> variables) {
		return render(template, variables, this.texts.locale(null));
	}

	/**
	 * Renders a template in a language; every value is escaped unless the template says otherwise
	 * ({@code th:utext}). The variable {@code lang} holds the language's tag, for {@code <html lang>}.
	 */
	String render(String template, Map<String, Object> variables, Locale locale) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("lang", locale.toLanguageTag());
		return this.engine.process(template, new Context(locale, all));
	}

	HilTexts texts() {
		return this.texts;
	}

	private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver resolver,
			String prefix, int order, boolean mayBeMissing) {
		resolver.setPrefix(prefix);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setTextTemplateModePatterns(Set.of("*.txt"));
		resolver.setOrder(order);
		resolver.setCheckExistence(mayBeMissing);
		resolver.setCacheable(true);
		return resolver;
	}

}
