package dev.camundahil.channel.chat;

import java.time.Clock;

import dev.camundahil.action.ActionService;
import dev.camundahil.i18n.HilTexts;
import dev.camundahil.links.LinksProperties;
import dev.camundahil.links.SignedTokens;
import dev.camundahil.schema.HilDatabase;
import dev.camundahil.web.HilJson;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The chat channel: conversations, their API, live stream and page. Their JSON is the plugin's ({@link HilJson}),
 * as the page's script reads it, whatever the application's Jackson settings.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	@ConditionalOnMissingBean(ChatChannel.class)
	ChatChannel hilChatChannel() {
		return new ChatChannel();
	}

	@Bean
	@ConditionalOnMissingBean
	ChatConversations hilChatConversations(ActionService actions, SignedTokens tokens, ChatProperties chat,
			LinksProperties links, ObjectProvider<HilTexts> texts) {
		return new ChatConversations(actions, entries(texts), tokens, links.getBaseUrl(), chat.getLinkLifetime(),
				chat.getHistorySize(), Clock.systemUTC());
	}

	/** Tells other nodes of chat changes, so that their streams hear of them; also on nodes without a web server. */
	@Bean
	@ConditionalOnMissingBean
	ChatNotifier hilChatNotifier(JdbcTemplate jdbc, HilDatabase database, ChatProperties chat) {
		return new ChatNotifier(jdbc, HilJson.mapper(), database.isPostgres() && chat.isCrossNodeStreams());
	}

	/** How conversations are kept and shown, in the plugin's JSON and the application's texts. */
	private static ConversationEntries entries(ObjectProvider<HilTexts> texts) {
		return new ConversationEntries(HilJson.mapper(), texts.getIfAvailable(HilTexts::defaults));
	}

	/** The API, the live streams and the page, in servlet web applications. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(ChatApiController.class)
	static class Web {

		@Bean
		@ConditionalOnMissingBean
		ChatStreams hilChatStreams(ChatConversations conversations, ChatProperties chat,
				ObjectProvider<HilTexts> texts) {
			return new ChatStreams(conversations, entries(texts), chat.getStreamTimeout(), chat.getHeartbeatInterval(),
					chat.getMaxStreams(), chat.getMaxStreamsPerSession());
		}

		@Bean
		PublicChatController hilPublicChatController(ChatConversations conversations, ChatStreams streams,
				ChatProperties chat, ObjectProvider<HilTexts> texts) {
			return new PublicChatController(conversations, streams, HilJson.mapper(), chat.getMaxMessageSize(),
					texts.getIfAvailable(HilTexts::defaults));
		}

		@Bean
		ChatPageController hilChatPageController(ChatConversations conversations, ObjectProvider<HilTexts> texts) {
			return new ChatPageController(conversations, texts.getIfAvailable(HilTexts::defaults));
		}

		/** The page's script and style, under the public {@code /hil/} path. */
		@Bean
		WebMvcConfigurer hilChatAssets() {
			return new WebMvcConfigurer() {
				@Override
				public void addResourceHandlers(ResourceHandlerRegistry registry) {
					registry.addResourceHandler("/hil/chat/**").addResourceLocations("classpath:/hil/chat/assets/");
				}
			};
		}

		/** Changes of other nodes for this node's streams, where the PostgreSQL driver is there to hear them. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.postgresql.PGConnection")
		static class CrossNode {

			@Bean
			@ConditionalOnMissingBean
			ChatNotificationListener hilChatNotificationListener(JdbcTemplate jdbc, ChatStreams streams,
					ChatNotifier notifier) {
				return new ChatNotificationListener(jdbc.getDataSource(), streams, notifier, HilJson.mapper());
			}

		}

	}

}
