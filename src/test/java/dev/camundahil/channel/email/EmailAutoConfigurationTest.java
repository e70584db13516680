package dev.camundahil.channel.email;

import java.util.Locale;

import dev.camundahil.i18n.HilTexts;
import dev.camundahil.links.LinksAutoConfiguration;
import dev.camundahil.support.PluginContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The email channel: the channel everywhere, its response pages in servlet web applications only, and a host's own
 * channel in place of the plugin's.
 */
class EmailAutoConfigurationTest {

	private static final AutoConfigurations EMAIL = AutoConfigurations.of(LinksAutoConfiguration.class,
			EmailAutoConfiguration.class);

	@Test
	void withoutAWebServerNoResponsePages() {
		new ApplicationContextRunner().withUserConfiguration(PluginContexts.MockActions.class)
			.withConfiguration(EMAIL)
			.run((context) -> assertThat(context).hasSingleBean(EmailChannel.class)
				.hasSingleBean(EmailTaskCheck.class)
				.doesNotHaveBean(ResponsePageController.class));
	}

	@Test
	void inAServletWebApplicationResponsePages() {
		new WebApplicationContextRunner().withUserConfiguration(PluginContexts.MockActions.class)
			.withConfiguration(EMAIL)
			.run((context) -> assertThat(context).hasSingleBean(ResponsePageController.class));
	}

	@Test
	void thePageTextsComeFromHilsOneMessageSource() {
		new WebApplicationContextRunner().withUserConfiguration(PluginContexts.MockActions.class)
			.withConfiguration(EMAIL)
			.run((context) -> assertThat(context).doesNotHaveBean("hilPeopleMessages"));
		assertThat(HilTexts.defaults()
			.get("people.outcome.passed", Locale.ENGLISH, "bob@example.com", "5 Dec 2026, 10:02"))
			.isEqualTo("Passed to bob@example.com on 5 Dec 2026, 10:02");
		assertThat(HilTexts.defaults()
			.get("people.outcome.passed", Locale.GERMAN, "bob@example.com", "5. Dez. 2026, 10:02"))
			.isEqualTo("Weitergegeben an bob@example.com am 5. Dez. 2026, 10:02");
	}

	@Test
	void theHostsChannelReplacesThePlugins() {
		new ApplicationContextRunner().withUserConfiguration(PluginContexts.MockActions.class, HostChannel.class)
			.withConfiguration(EMAIL)
			.run((context) -> assertThat(context).getBean(EmailChannel.class).isSameAs(HostChannel.CHANNEL));
	}

	@Configuration(proxyBeanMethods = false)
	static class HostChannel {

		static final EmailChannel CHANNEL = mock(EmailChannel.class);

		@Bean
		EmailChannel hostEmail() {
			return CHANNEL;
		}

	}

}
