package dev.camundahil.links;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Signed links: the tokens that emails and chat invitations carry, and the address they start with.
 */
@AutoConfiguration
@EnableConfigurationProperties(LinksProperties.class)
@Import(LinksConfiguration.class)
public class LinksAutoConfiguration {

}
