package dev.camundahil.reply;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyLanesTest {

	@Test
	void lanesRunSideBySide() {
		// each item waits for the other: handled one after another, they would both time out
		CyclicBarrier both = new CyclicBarrier(2);
		ReplyLanes.Handled handled = ReplyLanes.run(List.of("a", "b"), (item) -> item, (item) -> {
			try {
				both.await(10, TimeUnit.SECONDS);
				return true;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, 4);

		assertThat(handled.failure()).isNull();
		assertThat(handled.ours()).containsExactly(true, true);
	}

	@Test
	void itemsOfOneLaneRunInOrderAndTheLaneStopsAtItsFirstFailure() {
		Queue<String> seen = new ConcurrentLinkedQueue<>();
		List<String> items = List.of("x1", "y1", "x2-fails", "y2", "x3");
		ReplyLanes.Handled handled = ReplyLanes.run(items, (item) -> item.charAt(0), (item) -> {
			seen.add(item);
			if (item.endsWith("fails")) {
				throw new IllegalStateException("database away");
			}
			return !item.startsWith("y");
		}, 4);

		assertThat(seen).containsSubsequence("x1", "x2-fails").containsSubsequence("y1", "y2").doesNotContain("x3");
		assertThat(handled.ours()).containsExactly(true, false, null, false, null);
		assertThat(handled.handledPrefix(0)).isEqualTo(2);
		assertThat(handled.failure()).hasMessage("database away");
	}

}
