package dev.camundahil.channel.chat;

import org.springframework.context.annotation.Configuration;

/**
 * The chat channel: conversations, their API, live stream and page.
 */
@Configuration(proxyBeanMethods = false)
public class ChatConfiguration {

}
