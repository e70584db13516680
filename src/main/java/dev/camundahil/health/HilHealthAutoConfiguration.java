package dev.camundahil.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camundahil.channel.ChannelAutoConfiguration;
import dev.camundahil.channel.DispatchBacklog;
import dev.camundahil.reply.MailboxPolls;
import dev.camundahil.reply.ReplyAutoConfiguration;
import dev.camundahil.selfcheck.LostWaits;
import dev.camundahil.selfcheck.SelfCheckAutoConfiguration;
import dev.camundahil.webhook.WebhookAutoConfiguration;
import dev.camundahil.webhook.WebhookStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The plugin's health, where the application has Spring Boot's Actuator: one contributor {@code hil}
 * ({@code /actuator/health/hil}) with a member for each part the application runs. Off with
 * {@code management.health.hil.enabled=false}.
 */
@AutoConfiguration(after = { ChannelAutoConfiguration.class, ReplyAutoConfiguration.class,
		WebhookAutoConfiguration.class, MailSenderAutoConfiguration.class, SelfCheckAutoConfiguration.class },
		afterName = "dev.camundahil.mail.oauth2.MailOAuth2AutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("hil")
@EnableConfigurationProperties(HealthProperties.class)
public class HilHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "hilHealthContributor")
	HealthContributor hilHealthContributor(HealthProperties properties, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<MailboxPolls> mailbox, ObjectProvider<DispatchBacklog> dispatches,
			ObjectProvider<WebhookStatus> webhooks, ObjectProvider<LostWaits> waits) {
		Map<String, HealthIndicator> members = new LinkedHashMap<>();
		mail.ifAvailable((sender) -> members.put("mail", new OutboundMailHealth(sender, properties.getMailCheckInterval())));
		mailbox.ifAvailable((polls) -> members.put("replyMailbox",
				new ReplyMailboxHealth(polls, properties.getMailboxMissedPolls())));
		dispatches.ifAvailable((backlog) -> members.put("dispatch",
				new DispatchHealth(backlog, properties.getDispatchMaxDelay())));
		webhooks.ifAvailable((status) -> members.put("webhooks",
				new WebhookHealth(status, properties.getWebhookMaxDelay())));
		waits.ifAvailable((check) -> members.put("waits", new WaitsHealth(check)));
		return CompositeHealthContributor.fromMap(members);
	}

}
