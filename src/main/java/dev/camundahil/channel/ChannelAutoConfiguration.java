package dev.camundahil.channel;

import dev.camundahil.action.ActionAutoConfiguration;
import dev.camundahil.action.ActionProperties;
import dev.camundahil.bpmn.BpmnAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Output channels: routing, the dispatch outbox with its workers and retries, and reminders.
 */
@AutoConfiguration(after = { ActionAutoConfiguration.class, BpmnAutoConfiguration.class })
@EnableConfigurationProperties({ DispatchProperties.class, ReminderProperties.class, ActionProperties.class })
@Import(ChannelConfiguration.class)
public class ChannelAutoConfiguration {

}
