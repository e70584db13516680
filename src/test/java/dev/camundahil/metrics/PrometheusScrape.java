package dev.camundahil.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one scrape in Prometheus's text format, looked up by name and labels.
 */
record PrometheusScrape(List<Sample> samples) {

	private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(2) != null) {
				Matcher label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
		}
		return new PrometheusScrape(samples);
	}

	/** The value of the sample with this name whose labels include the given ones; null when there is none. */
	Double value(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.map(Sample::value)
			.reduce(Double::sum)
			.orElse(null);
	}

	boolean has(String name) {
		return this.samples.stream().anyMatch((sample) -> sample.name().equals(name));
	}

	record Sample(String name, Map<String, String> labels, double value) {
	}

}
