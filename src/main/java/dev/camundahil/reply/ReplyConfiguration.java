package dev.camundahil.reply;

import dev.camundahil.action.ActionService;
import dev.camundahil.action.AnswerTransaction;
import dev.camundahil.channel.DispatchedMessages;
import dev.camundahil.channel.email.EmailLimitProperties;
import dev.camundahil.i18n.HilTexts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email replies: the poller of the reply mailbox, the matching of replies to actions and their handling.
 */
@Configuration(proxyBeanMethods = false)
class ReplyConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailboxPoller hilMailboxPoller(InboundMailProperties properties, JdbcTemplate jdbc,
			DispatchedMessages sent, ActionService actions, AnswerTransaction answers,
			PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
			@Value("${hil.mail.from:#{null}}") String from, EmailLimitProperties emailLimits,
			ObjectProvider<MailboxLogin> login, LateReplyNoticeSender lateNoticeSender) {
		InboundLedger ledger = new InboundLedger(jdbc);
		ReplyHandler handler = new ReplyHandler(new ReplyMatcher(sent, actions), actions, ledger, answers,
				new TransactionTemplate(transactions), properties.getMaxAttempts(),
				new SenderAuthentication(properties.isRequireAuthenticatedSender(), properties.getTrustedAuthservIds()),
				new LateReplyNotices(jdbc), lateNoticeSender);
		InboundMessage.Limits limits = new InboundMessage.Limits(emailLimits.getMaxEmailBodySize().toBytes(),
				emailLimits.getMaxAttachmentSize().toBytes());
		MailboxPoller poller = new MailboxPoller(properties, ledger, handler, new SenderNotice(mailSender, from),
				limits, login.getIfAvailable(() -> MailboxLogin.password(properties.getPassword())));
		poller.setLateNotices(lateNoticeSender);
		return poller;
	}

	/**
	 * Sends the messages owed to people whose reply came after its action had closed: right after the reply is
	 * handled, and again from the {@code late-reply-notices} work while sending fails.
	 */
	@Bean
	@ConditionalOnMissingBean
	LateReplyNoticeSender hilLateReplyNoticeSender(InboundMailProperties properties, JdbcTemplate jdbc,
			ObjectProvider<JavaMailSender> mailSender, @Value("${hil.mail.from:#{null}}") String from,
			ObjectProvider<HilTexts> texts) {
		return new LateReplyNoticeSender(new LateReplyNotices(jdbc), new SenderNotice(mailSender, from),
				texts.getIfAvailable(HilTexts::defaults), properties.getPollInterval());
	}

}
