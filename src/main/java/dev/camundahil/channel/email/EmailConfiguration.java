package dev.camundahil.channel.email;

import org.springframework.context.annotation.Configuration;

/**
 * The email channel: outgoing mail and the response pages its links open.
 */
@Configuration(proxyBeanMethods = false)
public class EmailConfiguration {

}
