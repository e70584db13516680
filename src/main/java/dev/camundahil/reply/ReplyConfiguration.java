package dev.camundahil.reply;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.AnswerTransaction;
import dev.camundahil.channel.DispatchedMessages;
import dev.camundahil.config.HilProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Email replies: reads the reply mailbox when {@code hil.mail.inbound.host} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundMailProperties.class)
@ConditionalOnProperty(prefix = "hil.mail.inbound", name = "host")
public class ReplyConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailboxPoller hilMailboxPoller(InboundMailProperties properties, JdbcTemplate jdbc,
			DispatchedMessages sent, ActionService actions, AnswerTransaction answers,
			PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
			@Value("${hil.mail.from:#{null}}") String from, HilProperties hil, ObjectProvider<MailboxLogin> login) {
		Assert.isTrue(properties.getMaxAttempts() > 0, "hil.mail.inbound.max-attempts must be at least 1");
		InboundLedger ledger = new InboundLedger(jdbc);
		ReplyHandler handler = new ReplyHandler(new ReplyMatcher(sent, actions), actions, ledger, answers,
				new TransactionTemplate(transactions), properties.getMaxAttempts());
		InboundMessage.Limits limits = new InboundMessage.Limits(hil.getSecurity().getMaxEmailBodySize().toBytes(),
				hil.getSecurity().getMaxAttachmentSize().toBytes());
		return new MailboxPoller(properties, ledger, handler, new SenderNotice(mailSender, from), limits,
				login.getIfAvailable(() -> MailboxLogin.password(properties.getPassword())));
	}

}
