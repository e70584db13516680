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
	void anOptionAloneHasNoCommentAndFreeTextIsAllAnswer() {
		assertThat(AnswerReader.answer("APPROVE!", OPTIONS)).contains(new AnswerReader.Answer("Approve", null));
		assertThat(AnswerReader.answer("Fine - thanks", List.of())).contains(new AnswerReader.Answer("Fine - thanks", null));
		assertThat(AnswerReader.answer("Maybe - later", OPTIONS)).isEmpty();
	}

}
