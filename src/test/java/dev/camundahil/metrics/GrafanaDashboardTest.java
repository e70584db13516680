package dev.camundahil.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard reads only meters that the operations page lists, so it does not go blank when a meter is
 * renamed.
 */
class GrafanaDashboardTest {

	private static final Pattern SERIES = Pattern.compile("\\b(hil_[a-z_]+)");

	@Test
	void everySeriesOfTheDashboardIsADocumentedMeter() throws IOException {
		JsonNode dashboard = new ObjectMapper().readTree(Path.of("docs/grafana-dashboard.json").toFile());
		String page = Files.readString(Path.of("docs/operations.md"));
		Set<String> series = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				Matcher matcher = SERIES.matcher(target.get("expr").asText());
				while (matcher.find()) {
					series.add(matcher.group(1));
				}
			}
		}

		assertThat(series).hasSizeGreaterThan(10);
		for (String name : series) {
			String meter = name.replaceAll("_(total|seconds_sum|seconds_count|seconds_max|seconds)$", "");
			assertThat(page).as("the operations page lists the meter of %s", name).contains("`" + meter);
		}
	}

}
