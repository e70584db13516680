package dev.camundahil.i18n;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * Lets Thymeleaf's {@code #{key(args)}} read the {@code hilMessages} bundles in the locale a template is rendered
 * in; a key no bundle has shows as {@code ??key_locale??}, as Thymeleaf's own resolver does.
 */
final class BundleMessageResolver implements IMessageResolver {

	private final MessageSource messages;

	BundleMessageResolver(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public String getName() {
		return "hilMessages";
	}

	@Override
	public Integer getOrder() {
		return 0;
	}

	@Override
	public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
		try {
			return this.messages.getMessage(key, messageParameters, context.getLocale());
		}
		catch (NoSuchMessageException ex) {
			return null;
		}
	}

	@Override
	public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
			Object[] messageParameters) {
		return "??" + key + "_" + context.getLocale() + "??";
	}

}
