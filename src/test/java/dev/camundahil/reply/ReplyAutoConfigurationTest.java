package dev.camundahil.reply;

import dev.camundahil.channel.DispatchedMessages;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Email replies: read only while {@code hil.mail.inbound.host} is set, with settings checked at start, and a host's
 * own poller in place of the plugin's.
 */
class ReplyAutoConfigurationTest {

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withUserConfiguration(PluginContexts.MockActions.class, SentMessages.class)
		.withConfiguration(AutoConfigurations.of(ReplyAutoConfiguration.class));

	@Test
	void withoutAHostNoMailboxIsRead() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(MailboxPoller.class)
			.doesNotHaveBean(InboundMailProperties.class));
	}

	@Test
	void withAHostTheMailboxIsRead() {
		this.contexts.withPropertyValues("hil.mail.inbound.host=imap.example.com")
			.run((context) -> assertThat(context).hasSingleBean(MailboxPoller.class));
	}

	@Test
	void noAttemptsStopsTheStartAndNamesTheSetting() {
		this.contexts.withPropertyValues("hil.mail.inbound.host=imap.example.com", "hil.mail.inbound.max-attempts=0")
			.run(PluginContexts.failedOnSetting("hil.mail.inbound.max-attempts must be at least 1"));
	}

	@Test
	void requiringAuthenticatedSendersWithoutATrustedServerStopsTheStart() {
		this.contexts
			.withPropertyValues("hil.mail.inbound.host=imap.example.com",
					"hil.mail.inbound.require-authenticated-sender=true")
			.run(PluginContexts.failedOnSetting("hil.mail.inbound.trusted-authserv-ids is empty"));
	}

	@Test
	void theHostsPollerReplacesThePlugins() {
		this.contexts.withPropertyValues("hil.mail.inbound.host=imap.example.com")
			.withUserConfiguration(HostPoller.class)
			.run((context) -> assertThat(context).getBean(MailboxPoller.class).isSameAs(HostPoller.POLLER));
	}

	/** The channel's record of sent messages, which replies are matched against. */
	@Configuration(proxyBeanMethods = false)
	static class SentMessages {

		@Bean
		DispatchedMessages dispatchedMessages() {
			return mock(DispatchedMessages.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostPoller {

		static final MailboxPoller POLLER = mock(MailboxPoller.class);

		@Bean
		MailboxPoller hostPoller() {
			return POLLER;
		}

	}

}
