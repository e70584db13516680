package dev.camundahil.channel;

import org.springframework.context.annotation.Configuration;

/**
 * The output channels: routing, the dispatch outbox and its retries.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

}
