package dev.camundahil.action;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentListTest {

	@Test
	void textIsSplitAtCommasAndStrippedWithoutBlanks() {
		assertThat(ArgumentList.of(" ann@example.com, ,bob@example.com ,")).containsExactly("ann@example.com",
				"bob@example.com");
	}

	@Test
	void aListOrAnArrayIsReadItemByItemTheSameWay() {
		assertThat(ArgumentList.of(Arrays.asList(" chat", "", 7, "email "))).containsExactly("chat", "7", "email");
		assertThat(ArgumentList.of(new String[] { "PT1H", " PT2H" })).containsExactly("PT1H", "PT2H");
	}

	@Test
	void nothingOrBlankTextNamesNothing() {
		assertThat(ArgumentList.of(null)).isEmpty();
		assertThat(ArgumentList.of("  ")).isEmpty();
		assertThat(ArgumentList.of(List.of())).isEmpty();
	}

}
