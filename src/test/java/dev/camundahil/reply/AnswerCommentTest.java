package dev.camundahil.reply;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an email reply's comment is: the text after the option on its line, and the lines below.
 */
class AnswerCommentTest {

	private static final List<String> OPTIONS = List.of("Approve", "Reject");

	@Test
	void theRestOfTheOptionsLineIsTheComment() {
		assertThat(AnswerReader.answer("Reject - too expensive", OPTIONS))
			.contains(new AnswerReader.Answer("Reject", "too expensive"));
		assertThat(AnswerReader.answer("reject: not this quarter.", OPTIONS))
			.contains(new AnswerReader.Answer("Reject", "not this quarter."));
	}

	@Test
	void theLinesBelowTheOptionAreTheComment() {
		assertThat(AnswerReader.answer("\nApprove.\nShip it with the next truck.\nThanks", OPTIONS))
			.contains(new AnswerReader.Answer("Approve", "Ship it with the next truck.\nThanks"));
		assertThat(AnswerReader.answer("Reject - too expensive\nAsk again in March", OPTIONS))
			.contains(new AnswerReader.Answer("Reject", "too expensive\nAsk again in March"));
	}

	@Test
	void emojiAroundTheOptionAreNoComment() {
		for (String typed : List.of("approve 👍", "👍 Approve", "Approve 👍🏽", "Approve ✅", "❤️ approve ❤️")) {
			assertThat(AnswerReader.answer(typed, OPTIONS)).as(typed).contains(new AnswerReader.Answer("Approve", null));
		}
		assertThat(AnswerReader.answer("👍", OPTIONS)).as("an emoji alone names no option").isEmpty();
	}

	@Test
	void anOptionThatIsAnEmojiOrPunctuationIsNamedAsTyped() {
		assertThat(AnswerReader.answer("👍", List.of("👍", "👎"))).contains(new AnswerReader.Answer("👍", null));
		assertThat(AnswerReader.answer("C++", List.of("C", "C++"))).contains(new AnswerReader.Answer("C++", null));
	}

	@Test
	void anOptionAloneHasNoCommentAndFreeTextIsAllAnswer() {
		assertThat(AnswerReader.answer("APPROVE!", OPTIONS)).contains(new AnswerReader.Answer("Approve", null));
		assertThat(AnswerReader.answer("Fine - thanks", List.of())).contains(new AnswerReader.Answer("Fine - thanks", null));
		assertThat(AnswerReader.answer("Maybe - later", OPTIONS)).isEmpty();
	}

}
