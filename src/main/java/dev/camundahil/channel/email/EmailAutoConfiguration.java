package dev.camundahil.channel.email;

import dev.camundahil.action.ActionProperties;
import dev.camundahil.channel.ChannelAutoConfiguration;
import dev.camundahil.links.LinksAutoConfiguration;
import dev.camundahil.links.LinksProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The email channel: outgoing mail through the application's mail sender, and the response pages its links open.
 */
@AutoConfiguration(after = { ChannelAutoConfiguration.class, LinksAutoConfiguration.class,
		MailSenderAutoConfiguration.class })
@EnableConfigurationProperties({ EmailProperties.class, EmailLimitProperties.class, LinksProperties.class,
		ActionProperties.class })
@Import(EmailConfiguration.class)
public class EmailAutoConfiguration {

}
