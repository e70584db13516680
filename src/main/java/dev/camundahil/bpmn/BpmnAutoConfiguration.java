package dev.camundahil.bpmn;

import dev.camundahil.action.ActionAutoConfiguration;
import dev.camundahil.action.ActionProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The HIL task in the process engine: its behaviour, its deployment check and the resumption of waiting executions.
 */
@AutoConfiguration(after = ActionAutoConfiguration.class)
@EnableConfigurationProperties({ ActionProperties.class, ProcessVariablesProperties.class })
@Import(BpmnConfiguration.class)
public class BpmnAutoConfiguration {

}
