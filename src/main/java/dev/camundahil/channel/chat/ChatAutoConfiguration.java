package dev.camundahil.channel.chat;

import dev.camundahil.channel.ChannelAutoConfiguration;
import dev.camundahil.links.LinksAutoConfiguration;
import dev.camundahil.links.LinksProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The chat channel: conversations, their API, live streams and page.
 */
@AutoConfiguration(after = { ChannelAutoConfiguration.class, LinksAutoConfiguration.class })
@EnableConfigurationProperties({ ChatProperties.class, LinksProperties.class })
@Import(ChatConfiguration.class)
public class ChatAutoConfiguration {

}
