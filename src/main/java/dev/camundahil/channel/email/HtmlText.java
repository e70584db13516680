package dev.camundahil.channel.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text part of an email whose author wrote only HTML: paragraphs and line breaks kept, links written
 * out as {@code text <url>}, so that a reader without HTML can still follow them.
 */
final class HtmlText {

	private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5",
			"h6", "ul", "ol", "table", "tr", "blockquote", "pre", "section", "article", "header", "footer", "hr");

	private HtmlText() {
	}

	static String of(String html) {
		Element body = Jsoup.parse(html).body();
		body.select("head, style, script, title").remove();
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					boolean pre = node.parent() instanceof Element parent && parent.tagName().equals("pre");
					text.append(pre ? textNode.getWholeText() : collapse(textNode.text()));
				}
				else if (node instanceof Element element) {
					String tag = element.tagName();
					if (tag.equals("br")) {
						text.append('\n');
					}
					else if (tag.equals("li")) {
						newLine(text);
						text.append("- ");
					}
					else if (BLOCKS.contains(tag)) {
						paragraph(text);
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element) {
					String tag = element.tagName();
					if (tag.equals("a")) {
						String href = element.attr("href");
						if (!href.isBlank() && !href.startsWith("#") && !href.equals(element.text().strip())) {
							text.append(" <").append(href).append('>');
						}
					}
					else if (tag.equals("td") || tag.equals("th")) {
						// a cell per line: buttons and short tables read well, nothing runs together
						newLine(text);
					}
					else if (BLOCKS.contains(tag)) {
						paragraph(text);
					}
				}
			}

		}, body);
		return text.toString()
			.replace('\u00a0', ' ')
			.replaceAll("[ \\t]+\\n", "\n")
			.replaceAll("\\n[ \\t]+", "\n")
			.replaceAll("\\n{3,}", "\n\n")
			.strip() + "\n";
	}

	private static String collapse(String text) {
		return text.replaceAll("\\s+", " ");
	}

	private static void newLine(StringBuilder text) {
		if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
			text.append('\n');
		}
	}

	private static void paragraph(StringBuilder text) {
		newLine(text);
		if (text.length() > 1 && text.charAt(text.length() - 2) != '\n') {
			text.append('\n');
		}
	}

}
