package dev.camundahil.channel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.camundahil.action.ArgumentList;
import dev.camundahil.bpmn.HilTaskCheck;
import dev.camundahil.bpmn.HilTaskDeclaration;

/**
 * Rejects, at deployment, a HIL task whose channels or reminders cannot work: output type {@code custom} without a
 * {@code channel}, a {@code channel} naming no {@link OutputChannel} bean, a malformed {@code reminder}, or a
 * reminder due only after the action has expired. Only literal values are checked; expressions are checked when the
 * task runs.
 */
final class ChannelDeclarationCheck implements HilTaskCheck {

	private final ChannelRouter router;

	private final Duration defaultTimeout;

	ChannelDeclarationCheck(ChannelRouter router, Duration defaultTimeout) {
		this.router = router;
		this.defaultTimeout = defaultTimeout;
	}

	@Override
	public void check(HilTaskDeclaration task) {
		checkChannel(task);
		checkReminders(task);
	}

	private void checkChannel(HilTaskDeclaration task) {
		Optional<String> channel = text(task, ChannelRouter.CHANNEL_ARG);
		boolean custom = task.literal("outputTypes")
			.map(ArgumentList::of)
			.map((types) -> types.stream().map((type) -> type.toLowerCase(Locale.ROOT)))
			.map((types) -> types.anyMatch(ChannelRouter.CUSTOM::equals))
			.orElse(false);
		boolean channelIsExpression = task.isDeclared(ChannelRouter.CHANNEL_ARG)
				&& task.literal(ChannelRouter.CHANNEL_ARG).isEmpty();
		if (custom && channel.isEmpty() && !channelIsExpression) {
			throw new IllegalArgumentException(
					"output type 'custom' needs the input parameter 'channel' naming an OutputChannel bean");
		}
		channel.ifPresent((name) -> {
			if (!this.router.isChannel(name)) {
				throw new IllegalArgumentException("the input parameter 'channel' names '" + name
						+ "', but the application has no OutputChannel bean of that name; channel beans are "
						+ this.router.channelNames());
			}
		});
	}

	private void checkReminders(HilTaskDeclaration task) {
		Optional<Object> reminder = task.literal(ReminderDurations.PARAMETER);
		if (reminder.isEmpty()) {
			return;
		}
		List<Duration> reminders = ReminderDurations.parse(reminder.get());
		Duration timeout = timeout(task);
		if (timeout != null && !reminders.isEmpty() && reminders.get(reminders.size() - 1).compareTo(timeout) >= 0) {
			throw new IllegalArgumentException("the reminder " + reminders.get(reminders.size() - 1)
					+ " comes after the action has expired (timeout " + timeout
					+ "); reminders count from the moment the action is opened");
		}
	}

	/** The literal timeout, the default when none is declared, or null when an expression decides it. */
	private Duration timeout(HilTaskDeclaration task) {
		Optional<String> timeout = text(task, "timeout");
		if (timeout.isPresent()) {
			try {
				return Duration.parse(timeout.get());
			}
			catch (RuntimeException ex) {
				return null; // the task's own check reports a malformed timeout
			}
		}
		return task.isDeclared("timeout") && task.literal("timeout").isEmpty() ? null : this.defaultTimeout;
	}

	private static Optional<String> text(HilTaskDeclaration task, String name) {
		return task.literal(name)
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.map(String::strip)
			.filter((value) -> !value.isEmpty());
	}

}
