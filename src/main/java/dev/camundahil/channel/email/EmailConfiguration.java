package dev.camundahil.channel.email;

import dev.camundahil.action.ActionProperties;
import dev.camundahil.action.ActionService;
import dev.camundahil.i18n.HilTexts;
import dev.camundahil.links.LinksProperties;
import dev.camundahil.links.SignedTokens;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The email channel: outgoing mail and the response pages its links open.
 */
@Configuration(proxyBeanMethods = false)
@Import(EmailConfiguration.ResponsePages.class)
class EmailConfiguration {

	/** Replaced by any {@code EmailChannel}, or by an application's own {@code OutputChannel} of this name. */
	@Bean
	@ConditionalOnMissingBean(value = EmailChannel.class, name = "hilEmailChannel")
	EmailChannel hilEmailChannel(ObjectProvider<JavaMailSender> mailSender, ObjectProvider<RuntimeService> runtime,
			EmailProperties mail, EmailLimitProperties limits, LinksProperties links, ActionProperties actions,
			SignedTokens tokens, SmtpConnections connections, ActionService actionService,
			@Value("${hil.mail.inbound.host:}") String inboundHost, ObjectProvider<HilTexts> texts,
			ObjectProvider<JdbcTemplate> jdbc) {
		EmailComposer composer = new EmailComposer(
				new EmailTemplates(mail.getTemplateDir(), texts.getIfAvailable(HilTexts::defaults)),
				hilResponseLinks(tokens, links, actions),
				new AttachmentResolver(runtime, mail.getAttachmentDir(), limits.getMaxAttachmentSize()),
				limits.getMaxEmailBodySize(), !inboundHost.isBlank());
		JdbcTemplate database = jdbc.getIfAvailable();
		return new EmailChannel(mailSender, connections, composer, actionService,
				(database != null) ? new EmailCopies(database) : null, mail.getFrom(), mail.getReplyTo(),
				mail.isReplyToPlusAddress());
	}

	/** SMTP connections kept open between emails; closed with the context. */
	@Bean
	SmtpConnections hilSmtpConnections(EmailProperties mail) {
		return new SmtpConnections(mail.getConnectionIdleTimeout(), mail.getMaxEmailsPerConnection());
	}

	@Bean
	@ConditionalOnMissingBean(EmailTaskCheck.class)
	EmailTaskCheck hilEmailTaskCheck(EmailLimitProperties limits) {
		return new EmailTaskCheck(limits.getMaxEmailBodySize());
	}

	static ResponseLinks hilResponseLinks(SignedTokens tokens, LinksProperties links, ActionProperties actions) {
		return new ResponseLinks(tokens, links.getBaseUrl(), actions.getDefaultTimeout());
	}

	/** The pages the email's links open, in web applications. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ResponsePages {

		@Bean
		@ConditionalOnMissingBean(ResponsePageController.class)
		ResponsePageController hilResponsePageController(ActionService actions, SignedTokens tokens,
				EmailProperties mail, LinksProperties links, ActionProperties properties,
				ObjectProvider<HilTexts> texts) {
			return new ResponsePageController(actions, hilResponseLinks(tokens, links, properties),
					new EmailTemplates(mail.getTemplateDir(), texts.getIfAvailable(HilTexts::defaults)));
		}

	}

}
