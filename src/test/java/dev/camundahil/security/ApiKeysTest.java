package dev.camundahil.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reading the {@code hil.security.api-keys} setting and matching presented keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysTest {

	@Test
	void namedAndBareKeys() {
		ApiKeys keys = ApiKeys.parse(List.of("ops:0123456789abcdef", " 1111111111111111 ", "", "ci : 2222:2222:2222:22 "));

		assertThat(keys.names()).containsExactly("ops", "key-2", "ci");
		assertThat(keys.nameOf("0123456789abcdef")).hasValue("ops");
		assertThat(keys.nameOf("1111111111111111")).hasValue("key-2");
		assertThat(keys.nameOf("2222:2222:2222:22")).hasValue("ci");
	}

	@Test
	void onlyTheExactKeyMatches() {
		ApiKeys keys = ApiKeys.parse(List.of("ops:0123456789abcdef"));

		assertThat(keys.nameOf("0123456789ABCDEF")).isEmpty();
		assertThat(keys.nameOf("0123456789abcde")).isEmpty();
		assertThat(keys.nameOf("0123456789abcdef ")).isEmpty();
		assertThat(keys.nameOf("ops")).isEmpty();
		assertThat(keys.nameOf("")).isEmpty();
		assertThat(keys.nameOf(null)).isEmpty();
	}

	@Test
	void ambiguousSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(List.of("a:one-long-key-123", "a:two-long-key-123")))
			.withMessageContaining("names 'a' twice");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(List.of("a:same-long-key-123", "b:same-long-key-123")))
			.withMessageContaining("twice")
			.withMessageNotContaining("same-long-key-123");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(List.of("a:")))
			.withMessageContaining("entry 1");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(List.of(":key-without-a-name")))
			.withMessageContaining("entry 1");
	}

	@Test
	void withoutASettingARandomKeyIsGeneratedAndLoggedOnce(CapturedOutput output) {
		ApiKeys keys = ApiKeys.configuredOrGenerated(List.of(" "));

		Matcher logged = Pattern.compile("WARN .*\\R.*X-API-Key: (\\S+)").matcher(output.getOut());
		assertThat(logged.find()).as("the generated key in a WARN message: %s", output.getOut()).isTrue();
		String key = logged.group(1);
		assertThat(key).hasSizeGreaterThanOrEqualTo(40);
		assertThat(output.getOut()).containsOnlyOnce(key).contains("hil.security.api-keys");
		assertThat(keys.names()).containsExactly("generated");
		assertThat(keys.nameOf(key)).hasValue("generated");

		ApiKeys other = ApiKeys.configuredOrGenerated(List.of());
		assertThat(other.nameOf(key)).as("a new key at every start").isEmpty();
	}

	@Test
	void configuredKeysAreNeverLogged(CapturedOutput output) {
		ApiKeys keys = ApiKeys.configuredOrGenerated(List.of("ops:0123456789abcdef", "short-key"));

		assertThat(keys.names()).containsExactly("ops", "key-2");
		assertThat(output.getAll()).contains("ops").contains("key-2")
			.doesNotContain("0123456789abcdef")
			.doesNotContain("short-key")
			.doesNotContain("X-API-Key:");
	}

}
