package dev.camundahil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The README is the front door and {@code docs/} holds the rest; these checks keep both true to the build as the
 * code changes: every setting the metadata lists has its line in {@code docs/configuration.md}, with the default the
 * code has, and no link leads nowhere.
 */
class DocumentationTest {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path README = Path.of("README.md");

	private static final Path DOCS = Path.of("docs");

	private static final Path CONFIGURATION = DOCS.resolve("configuration.md");

	/** A front door, not the manual: what does not fit belongs on a page under docs/. */
	private static final long README_LIMIT_BYTES = 12 * 1024;

	private static final Pattern SETTING_CELL = Pattern.compile("`(hil\\.[a-z0-9.-]+)`");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

	@Test
	void everySettingHasItsLineInTheConfigurationPage() throws IOException {
		Set<String> listed = settingRows(CONFIGURATION).keySet();

		assertThat(listed).as("hil.* settings without a table row in %s", CONFIGURATION)
			.containsAll(settingsInMetadata().keySet());
	}

	@Test
	void pagesListOnlySettingsThatExist() throws IOException {
		Set<String> known = settingsInMetadata().keySet();
		for (Path page : pages()) {
			assertThat(settingRows(page).keySet()).as("settings in %s that the metadata does not know", page)
				.isSubsetOf(known);
		}
	}

	@Test
	void documentedDefaultsAreTheDefaultsOfTheCode() throws IOException {
		Map<String, String> defaults = settingsInMetadata();
		for (Path page : pages()) {
			settingRows(page).forEach((name, defaultCell) -> {
				String expected = defaults.get(name);
				if (expected != null) {
					assertThat(defaultCell).as("default of %s in %s", name, page).contains("`" + expected + "`");
				}
			});
		}
	}

	@Test
	void readmeIsAFrontDoor() throws IOException {
		assertThat(Files.size(README)).as("size of README.md in bytes; move details to a page under docs/")
			.isLessThanOrEqualTo(README_LIMIT_BYTES);
	}

	@Test
	void readmeLinksToEveryPage() throws IOException {
		Set<Path> linked = new TreeSet<>();
		for (String target : linkTargets(README)) {
			linked.add(README.toAbsolutePath().getParent().resolve(target.replaceFirst("#.*", "")).normalize());
		}
		for (Path page : pages()) {
			if (!page.equals(README)) {
				assertThat(linked).as("links of README.md").contains(page.toAbsolutePath().normalize());
			}
		}
	}

	@Test
	void relativeLinksLeadToFilesAndHeadingsThatExist() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String target : linkTargets(page)) {
				if (target.matches("^[a-z]+:.*")) {
					continue; // http:, https:, mailto: are not ours to check
				}
				int hash = target.indexOf('#');
				String file = hash < 0 ? target : target.substring(0, hash);
				Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
				if (!Files.exists(resolved)) {
					broken.add(page + ": " + target + " (no such file)");
				}
				else if (hash >= 0 && resolved.toString().endsWith(".md")
						&& !headingAnchors(resolved).contains(target.substring(hash + 1))) {
					broken.add(page + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).as("broken relative links").isEmpty();
	}

	/** Every {@code hil.*} setting the build generated, with its default as the metadata writes it (or null). */
	private static Map<String, String> settingsInMetadata() throws IOException {
		assertThat(METADATA).as("generated configuration metadata; compile first").exists();
		JsonNode properties = new ObjectMapper().readTree(METADATA.toFile()).path("properties");
		Map<String, String> settings = new LinkedHashMap<>();
		for (JsonNode property : properties) {
			String name = property.path("name").asText();
			if (name.startsWith("hil.")) {
				settings.put(name, defaultText(property.get("defaultValue")));
			}
		}
		assertThat(settings).as("hil.* settings in %s", METADATA).isNotEmpty();
		return settings;
	}

	private static String defaultText(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
				.collect(Collectors.joining(","));
		}
		return value.asText();
	}

	/** Table rows whose first cell is one setting, mapped to their second cell (the default). */
	private static Map<String, String> settingRows(Path page) throws IOException {
		Map<String, String> rows = new HashMap<>();
		for (String line : withoutCodeBlocks(page)) {
			if (!line.startsWith("|")) {
				continue;
			}
			String[] cells = line.substring(1).split("(?<!\\\\)\\|");
			Matcher setting = SETTING_CELL.matcher(cells[0].trim());
			if (cells.length > 1 && setting.matches()) {
				rows.put(setting.group(1), cells[1].trim());
			}
		}
		return rows;
	}

	private static List<String> linkTargets(Path page) throws IOException {
		List<String> targets = new ArrayList<>();
		for (String line : withoutCodeBlocks(page)) {
			Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
			while (link.find()) {
				targets.add(link.group(1));
			}
		}
		return targets;
	}

	/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
	private static Set<String> headingAnchors(Path page) throws IOException {
		Set<String> anchors = new TreeSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : withoutCodeBlocks(page)) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
					.replace(' ', '-');
				int count = seen.merge(slug, 1, Integer::sum);
				anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
			}
		}
		return anchors;
	}

	private static List<String> withoutCodeBlocks(Path page) throws IOException {
		List<String> lines = new ArrayList<>();
		boolean inCode = false;
		for (String line : Files.readAllLines(page)) {
			if (line.stripLeading().startsWith("```")) {
				inCode = !inCode;
			}
			else if (!inCode) {
				lines.add(line);
			}
		}
		return lines;
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> docs = Files.list(DOCS)) {
			List<Path> pages = new ArrayList<>(List.of(README));
			docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
			return pages;
		}
	}

}
