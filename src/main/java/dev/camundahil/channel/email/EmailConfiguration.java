package dev.camundahil.channel.email;

import dev.camundahil.action.ActionService;
import dev.camundahil.config.HilProperties;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The email channel: outgoing mail and the response pages its links open.
 */
@Configuration(proxyBeanMethods = false)
@Import(EmailConfiguration.ResponsePages.class)
public class EmailConfiguration {

	/** Replaced by any {@code EmailChannel}, or by an application's own {@code OutputChannel} of this name. */
	@Bean
	@ConditionalOnMissingBean(value = EmailChannel.class, name = "hilEmailChannel")
	EmailChannel hilEmailChannel(ObjectProvider<JavaMailSender> mailSender, ObjectProvider<RuntimeService> runtime,
			HilProperties properties, SignedTokens tokens, SmtpConnections connections,
			@Value("${hil.mail.inbound.host:}") String inboundHost) {
		HilProperties.Mail mail = properties.getMail();
		EmailComposer composer = new EmailComposer(hilEmailTemplates(properties), hilResponseLinks(properties, tokens),
				new AttachmentResolver(runtime, mail.getAttachmentDir(),
						properties.getSecurity().getMaxAttachmentSize()),
				properties.getSecurity().getMaxEmailBodySize(), !inboundHost.isBlank());
		return new EmailChannel(mailSender, connections, composer, mail.getFrom(), mail.getReplyTo(),
				mail.isReplyToPlusAddress());
	}

	/** SMTP connections kept open between emails; closed with the context. */
	@Bean
	SmtpConnections hilSmtpConnections(HilProperties properties) {
		HilProperties.Mail mail = properties.getMail();
		return new SmtpConnections(mail.getConnectionIdleTimeout(), mail.getMaxEmailsPerConnection());
	}

	@Bean
	@ConditionalOnMissingBean(EmailTaskCheck.class)
	EmailTaskCheck hilEmailTaskCheck(HilProperties properties) {
		return new EmailTaskCheck(properties.getSecurity().getMaxEmailBodySize());
	}

	static EmailTemplates hilEmailTemplates(HilProperties properties) {
		return new EmailTemplates(properties.getMail().getTemplateDir());
	}

	static ResponseLinks hilResponseLinks(HilProperties properties, SignedTokens tokens) {
		return new ResponseLinks(tokens, properties.getLinks().getBaseUrl(), properties.getDefaultTimeout());
	}

	/** The pages the email's links open, in web applications. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ResponsePages {

		@Bean
		@ConditionalOnMissingBean(ResponsePageController.class)
		ResponsePageController hilResponsePageController(ActionService actions, HilProperties properties,
				SignedTokens tokens) {
			return new ResponsePageController(actions, hilResponseLinks(properties, tokens),
					hilEmailTemplates(properties));
		}

	}

}
