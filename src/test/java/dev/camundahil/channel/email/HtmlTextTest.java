package dev.camundahil.channel.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text part read from an author's HTML, and templates replaced by the user's own.
 */
class HtmlTextTest {

	@Test
	void paragraphsBreaksListsAndLinksSurviveAsText() {
		String text = HtmlText.of("<html><head><style>p{color:red}</style><title>T</title></head><body>"
				+ "<h2>Order&nbsp;7</h2><p>Dear   Ann,<br>please  <a href=\"https://x.example/7\">have a look</a>.</p>"
				+ "<ul><li>one</li><li>two &amp; three</li></ul><p><a href=\"https://x.example\">https://x.example</a></p>"
				+ "<script>alert(1)</script></body></html>");

		assertThat(text).isEqualTo("Order 7\n\nDear Ann,\nplease have a look <https://x.example/7>.\n\n- one\n"
				+ "- two & three\n\nhttps://x.example\n");
	}

	@Test
	void aTemplateInTheTemplateDirectoryReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("email.html"),
				"<p xmlns:th=\"http://www.thymeleaf.org\">Custom: <span th:text=\"${question}\">q</span></p>");

		String custom = new EmailTemplates(dir.toString()).render(EmailTemplates.EMAIL, Map.of("question", "<b>Q</b>"));
		String builtIn = new EmailTemplates(dir.toString()).render(EmailTemplates.RESPONSE_PAGE,
				Map.of("state", "expired", "options", List.of()));

		assertThat(custom).isEqualTo("<p>Custom: <span>&lt;b&gt;Q&lt;/b&gt;</span></p>");
		assertThat(builtIn).contains("Expired");
	}

}
