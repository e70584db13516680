package dev.camundahil.config;

import dev.camundahil.schedule.ScheduleConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Runs the plugin's recurring work in the application's Quartz scheduler, once Spring Boot has set that up.
 */
@AutoConfiguration(after = { QuartzAutoConfiguration.class, HilAutoConfiguration.class })
@Import(ScheduleConfiguration.class)
public class HilScheduleAutoConfiguration {

}
