package dev.camundahil.action;

import dev.camundahil.schema.SchemaAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Actions: their tables, their service and its limits.
 */
@AutoConfiguration(after = SchemaAutoConfiguration.class)
@EnableConfigurationProperties({ ActionProperties.class, ResponseLimitProperties.class })
@Import(ActionConfiguration.class)
public class ActionAutoConfiguration {

}
