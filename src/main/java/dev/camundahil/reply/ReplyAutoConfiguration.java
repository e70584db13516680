package dev.camundahil.reply;

import dev.camundahil.channel.email.EmailAutoConfiguration;
import dev.camundahil.channel.email.EmailLimitProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Email replies: reads the reply mailbox when {@code hil.mail.inbound.host} is set.
 */
@AutoConfiguration(after = EmailAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hil.mail.inbound", name = "host")
@EnableConfigurationProperties({ InboundMailProperties.class, EmailLimitProperties.class })
@Import(ReplyConfiguration.class)
public class ReplyAutoConfiguration {

}
