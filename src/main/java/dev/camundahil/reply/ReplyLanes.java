package dev.camundahil.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Handles a batch of replies on a few threads. Replies in one lane (those to the same action) are handled one after
 * another in mailbox order, so that of two answers to an action the earlier one counts; lanes run side by side, each
 * reply in its own transaction. A lane stops at its first failure and leaves the rest of its replies unhandled.
 */
final class ReplyLanes {

	private ReplyLanes() {
	}

	/**
	 * Runs {@code work} for every item and waits for all; {@code work} tells whether the item was ours.
	 * @return per item, in the given order, whether it was ours, or {@code null} where it was not handled
	 */
	static <T> Handled run(List<T> items, Function<T, Object> lane, Predicate<T> work, int threads) {
		Map<Object, List<Integer>> lanes = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			lanes.computeIfAbsent(lane.apply(items.get(i)), (key) -> new ArrayList<>()).add(i);
		}
		Boolean[] ours = new Boolean[items.size()];
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		if (lanes.size() <= 1 || threads <= 1) {
			lanes.values().forEach((indexes) -> runLane(items, indexes, work, ours, failure));
			return new Handled(ours, failure.get());
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, lanes.size()), threads());
		try {
			CompletableFuture.allOf(lanes.values()
				.stream()
				.map((indexes) -> CompletableFuture.runAsync(() -> runLane(items, indexes, work, ours, failure), pool))
				.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			pool.shutdown();
		}
		return new Handled(ours, failure.get());
	}

	private static <T> void runLane(List<T> items, List<Integer> indexes, Predicate<T> work, Boolean[] ours,
			AtomicReference<RuntimeException> failure) {
		for (int index : indexes) {
			try {
				ours[index] = work.test(items.get(index));
			}
			catch (RuntimeException ex) {
				failure.compareAndSet(null, ex);
				return;
			}
		}
	}

	private static CustomizableThreadFactory threads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("hil-reply-");
		threads.setDaemon(true);
		return threads;
	}

	/**
	 * What a batch came to.
	 * @param ours per item whether it was ours, {@code null} where it was not handled
	 * @param failure the first failure, if any
	 */
	record Handled(Boolean[] ours, RuntimeException failure) {

		/** How many items, from the given one on, were handled without a gap. */
		int handledPrefix(int from) {
			int count = 0;
			while (from + count < this.ours.length && this.ours[from + count] != null) {
				count++;
			}
			return count;
		}

	}

}
