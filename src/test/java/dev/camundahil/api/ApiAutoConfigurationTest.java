package dev.camundahil.api;

import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API: in servlet web applications only.
 */
class ApiAutoConfigurationTest {

	private static final AutoConfigurations API = AutoConfigurations.of(JacksonAutoConfiguration.class,
			ApiAutoConfiguration.class);

	@Test
	void inAServletWebApplicationTheApi() {
		new WebApplicationContextRunner().withUserConfiguration(PluginContexts.MockActions.class)
			.withConfiguration(API)
			.run((context) -> assertThat(context).hasSingleBean(ActionController.class)
				.hasSingleBean(ApiProblems.class));
	}

	@Test
	void lateAnswersShowTheResponseUnlessTheSettingSaysNo() {
		WebApplicationContextRunner contexts = new WebApplicationContextRunner()
			.withUserConfiguration(PluginContexts.MockActions.class)
			.withConfiguration(API);
		contexts.run((context) -> assertThat(context.getBean(ApiProperties.class).isLateAnswerShowsResponse()).isTrue());
		contexts.withPropertyValues("hil.api.late-answer-shows-response=false")
			.run((context) -> assertThat(context.getBean(ApiProperties.class).isLateAnswerShowsResponse()).isFalse());
	}

	@Test
	void withoutAWebServerNoApi() {
		new ApplicationContextRunner().withUserConfiguration(PluginContexts.MockActions.class)
			.withConfiguration(API)
			.run((context) -> assertThat(context).doesNotHaveBean(ActionController.class));
	}

}
