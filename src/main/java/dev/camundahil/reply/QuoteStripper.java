package dev.camundahil.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a reply down to what its sender typed: drops the quoted original ({@code >} lines, "On … wrote:" headers in
 * several languages, Outlook's "Original Message" and "From: … Sent: …" blocks), the signature after "-- " and
 * mobile footers. HTML replies are read with jsoup after their quote containers are removed. A reply with nothing
 * above the quoted original is read below and between its {@code >} lines.
 */
final class QuoteStripper {

	/** "On Mon, 25 Nov 2026 at 10:00, Ann <ann@example.com> wrote:" and its spellings in other languages. */
	private static final Pattern ATTRIBUTION = Pattern.compile("(?is)^\\s*("
			+ "on\\b.{0,300}\\bwrote\\s*:"
			+ "|am\\b.{0,300}\\bschrieb.{0,120}:"
			+ "|le\\b.{0,300}\\ba\\s+[ée]crit\\s*:"
			+ "|el\\b.{0,300}\\bescribi[óo]\\s*:"
			+ "|il\\b.{0,300}\\bha\\s+scritto\\s*:"
			+ "|op\\b.{0,300}\\bschreef.{0,120}:"
			+ "|em\\b.{0,300}\\bescreveu\\s*:"
			+ "|w\\s+dniu\\b.{0,300}\\bpisze\\s*:"
			+ "|(den|d\\.)\\b.{0,300}\\bskrev.{0,120}:"
			+ "|.{0,200}<[^<>@\\s]+@[^<>\\s]+>\\s*(wrote|schrieb|a\\s+[ée]crit|escribi[óo])\\s*:"
			+ ")\\s*$");

	/** Outlook's separators before the quoted original, and Apple Mail's before a forwarded one. */
	private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
			"(?i)^\\s*(-{2,}\\s*(original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original|messaggio originale|forwarded message)\\s*-{2,}|_{10,}"
					+ "|(begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée])\\s*:)\\s*$");

	/** The header block Outlook puts above a quoted message: "From:" followed by "Sent:"/"Date:" within a few lines. */
	private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(from|von|de|da|van|od)\\s*\\*?\\s*:.*");

	private static final Pattern HEADER_SENT = Pattern
		.compile("(?i)^\\s*\\*?(sent|date|gesendet|datum|envoy[ée]|enviado|fecha|inviato|data|verzonden)\\s*\\*?\\s*:.*");

	/**
	 * Outlook's containers of the header block above the quoted original, which follows them unmarked: everything
	 * from the first of them on is the original.
	 */
	private static final String ORIGINAL_HEADERS = "#appendonsend, #divRplyFwdMsg, .OutlookMessageHeader, "
			+ "div[id^=mail-editor-reference-message], div[style*=border-top:solid #E1E1E1]";

	private static final Pattern SPACES = Pattern.compile("\\p{Zs}");

	private static final Pattern INVISIBLE = Pattern.compile("[\\uFEFF\\u200B]");

	private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");

	private static final Pattern MOBILE_FOOTER = Pattern.compile(
			"(?i)^\\s*(sent from my \\w+.*|sent from (outlook|mail) for \\w+.*|get outlook for \\w+.*|von meinem \\w+ gesendet.*|envoy[ée] de mon \\w+.*)\\s*$");

	private QuoteStripper() {
	}

	/** What the sender typed in a plain-text reply. */
	static String stripText(String text) {
		// no-break and other wide spaces read as spaces; zero-width ones (iOS starts text with U+FEFF) as nothing
		String spaced = SPACES.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ");
		List<String> lines = List.of(spaced.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
		String above = typedAbove(lines);
		// nothing above the quoted original: the reply may be written below it (Thunderbird's default) or between its
		// lines
		return above.isEmpty() ? typedBetweenQuotes(lines) : above;
	}

	/** The lines above the first quoted line, attribution, quoted original or signature. */
	private static String typedAbove(List<String> lines) {
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (isQuoted(line) || endsTyping(lines, i) || attributionLines(lines, i) > 0) {
				break;
			}
			if (!MOBILE_FOOTER.matcher(line).matches()) {
				kept.add(line);
			}
		}
		return String.join("\n", kept).strip();
	}

	/**
	 * The lines outside {@code >} quotes and their "On … wrote:" headers, up to the signature or an original quoted
	 * without {@code >} (an Outlook header block, or an attribution no {@code >} line follows).
	 */
	private static String typedBetweenQuotes(List<String> lines) {
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (endsTyping(lines, i)) {
				break;
			}
			int attribution = attributionLines(lines, i);
			if (attribution > 0) {
				int next = i + attribution;
				while (next < lines.size() && lines.get(next).isBlank()) {
					next++;
				}
				if (next == lines.size() || !isQuoted(lines.get(next))) {
					break;
				}
				i = next - 1;
			}
			else if (!isQuoted(line) && !MOBILE_FOOTER.matcher(line).matches()) {
				kept.add(line);
			}
		}
		return String.join("\n", kept).strip();
	}

	private static boolean isQuoted(String line) {
		return line.stripLeading().startsWith(">");
	}

	/** Whether the sender's text ends here: an Outlook separator or header block, or the signature. */
	private static boolean endsTyping(List<String> lines, int index) {
		String line = lines.get(index);
		return ORIGINAL_MESSAGE.matcher(line).matches() || SIGNATURE.matcher(line).matches()
				|| isHeaderBlock(lines, index);
	}

	/** What the sender typed in an HTML reply. */
	static String stripHtml(String html) {
		Document document = Jsoup.parse(html);
		Element originalHeader = document.selectFirst(ORIGINAL_HEADERS);
		if (originalHeader != null) {
			cutFrom(originalHeader);
		}
		document.select("blockquote, .gmail_quote, .gmail_signature, .yahoo_quoted, .moz-cite-prefix, .moz-signature, "
				+ "#Signature").remove();
		return stripText(textOf(document.body()));
	}

	/** Removes an element and everything that follows it in the document. */
	private static void cutFrom(Element element) {
		for (Node node = element; node != null && !(node instanceof Document); node = node.parent()) {
			while (node.nextSibling() != null) {
				node.nextSibling().remove();
			}
		}
		element.remove();
	}

	/** How many lines the "On … wrote:" header starting at this line spans; 0 when none starts here. */
	private static int attributionLines(List<String> lines, int index) {
		// mail clients wrap long attribution lines, so look at up to three lines joined
		StringBuilder joined = new StringBuilder();
		for (int i = index; i < Math.min(lines.size(), index + 3); i++) {
			if (i > index && lines.get(i).isBlank()) {
				break;
			}
			joined.append(i > index ? " " : "").append(lines.get(i).strip());
			if (ATTRIBUTION.matcher(joined).matches()) {
				return (i == index || !lines.get(index).isBlank()) ? i - index + 1 : 0;
			}
		}
		return 0;
	}

	private static boolean isHeaderBlock(List<String> lines, int index) {
		if (!HEADER_FROM.matcher(lines.get(index)).matches()) {
			return false;
		}
		for (int i = index + 1; i < Math.min(lines.size(), index + 4); i++) {
			if (HEADER_SENT.matcher(lines.get(i)).matches()) {
				return true;
			}
		}
		return false;
	}

	/** Text with the line breaks a reader sees: block elements and {@code <br>} end lines. */
	private static String textOf(Element body) {
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.text());
				}
				else if (node instanceof Element element && (element.normalName().equals("br"))) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					text.append('\n');
				}
			}
		}, body);
		return text.toString().replace('\u00a0', ' ');
	}

}
