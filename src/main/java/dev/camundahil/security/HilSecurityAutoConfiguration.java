package dev.camundahil.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The security of the HIL paths in servlet web applications. Where the application has Spring Security, it comes
 * after Spring Boot's security, so that the application's default security chain is decided before the HIL chain
 * exists and stays in place for every path that is not a HIL path; Spring Security itself never comes with the
 * plugin.
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HilSecurityProperties.class)
@Import({ SecurityConfiguration.class, HilFilterChainConfiguration.class, HilServletFiltersConfiguration.class,
		ApiKeyDocsConfiguration.class })
public class HilSecurityAutoConfiguration {

}
