package dev.camundahil.channel.chat;

import dev.camundahil.links.LinksAutoConfiguration;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat channel: conversations everywhere, streams and page in servlet web applications only, other nodes'
 * changes heard only with the PostgreSQL driver, and a host's own channel in place of the plugin's.
 */
class ChatAutoConfigurationTest {

	private static final AutoConfigurations CHAT = AutoConfigurations.of(LinksAutoConfiguration.class,
			ChatAutoConfiguration.class);

	private final ApplicationContextRunner contexts = PluginContexts.withDatabase(new ApplicationContextRunner())
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(CHAT);

	private final WebApplicationContextRunner webContexts = PluginContexts
		.withDatabase(new WebApplicationContextRunner())
		.withUserConfiguration(PluginContexts.MockActions.class)
		.withConfiguration(CHAT);

	@Test
	void withoutAWebServerOnlyConversations() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(ChatConversations.class)
			.hasSingleBean(ChatChannel.class)
			.doesNotHaveBean(ChatStreams.class)
			.doesNotHaveBean(ChatApiController.class));
	}

	@Test
	void inAServletWebApplicationStreamsAndPage() {
		this.webContexts.run((context) -> assertThat(context).hasSingleBean(ChatStreams.class)
			.hasSingleBean(ChatApiController.class)
			.hasSingleBean(PublicChatController.class)
			.hasSingleBean(ChatNotificationListener.class));
	}

	@Test
	void withoutThePostgresDriverNoListener() {
		this.webContexts.withClassLoader(new FilteredClassLoader("org.postgresql"))
			.run((context) -> assertThat(context).hasSingleBean(ChatStreams.class)
				.doesNotHaveBean(ChatNotificationListener.class));
	}

	@Test
	void theHostsChannelReplacesThePlugins() {
		this.contexts.withUserConfiguration(HostChannel.class)
			.run((context) -> assertThat(context).getBean(ChatChannel.class).isSameAs(context.getBean("hostChat")));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostChannel {

		@Bean
		ChatChannel hostChat() {
			return new ChatChannel();
		}

	}

}
