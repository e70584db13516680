package dev.camundahil.reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reply layout in {@code src/test/resources/reply-layouts} — how Gmail, Outlook, Apple Mail, Thunderbird,
 * Yahoo and clients in other languages lay out a reply — reads as the answer its sender meant.
 */
class ReplyLayoutsTest {

	private static final Path LAYOUTS = Path.of("src/test/resources/reply-layouts");

	@ParameterizedTest(name = "{0}")
	@MethodSource("layouts")
	void theAnswerIsWhatTheSenderTyped(String file, Layout layout) {
		String typed = layout.html() ? QuoteStripper.stripHtml(layout.body()) : QuoteStripper.stripText(layout.body());

		Optional<String> answer = AnswerReader.read(typed, layout.options());

		assertThat(answer).as("%s (%s), read from: %s", file, layout.title(), typed)
			.isEqualTo(Optional.ofNullable(layout.expected()));
	}

	@Test
	void thereAreAtLeastTwentyLayouts() throws IOException {
		assertThat(layouts()).hasSizeGreaterThanOrEqualTo(20);
	}

	static List<Object[]> layouts() throws IOException {
		try (Stream<Path> files = Files.list(LAYOUTS)) {
			return files.sorted().map((file) -> new Object[] { file.getFileName().toString(), Layout.read(file) }).toList();
		}
	}

	record Layout(String title, boolean html, List<String> options, String expected, String body) {

		static Layout read(Path file) {
			try {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				int split = content.indexOf("\n---\n");
				String[] header = content.substring(0, split).split("\n");
				String body = content.substring(split + 5);
				String title = value(header, "title");
				String expected = value(header, "expected");
				List<String> options = Arrays.stream(value(header, "options").split(","))
					.map(String::strip)
					.filter((option) -> !option.isEmpty())
					.toList();
				return new Layout(title, "html".equals(value(header, "format")), options,
						"(no answer)".equals(expected) ? null : expected.replace("\\n", "\n"), body);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String value(String[] header, String name) {
			return Arrays.stream(header)
				.filter((line) -> line.startsWith(name + ":"))
				.map((line) -> line.substring(name.length() + 1).strip())
				.findFirst()
				.orElse("");
		}

	}

}
